import type { ConnectionStatus } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * A tiny dot in the corner while the server is unreachable; the loop keeps playing regardless.
 * A status (live) region, so its label is allowed and announced, and it needs no landmark (axe).
 */
export function ConnectionState({ status }: { status: ConnectionStatus }) {
  const { t } = useT();
  return (
    <div
      role="status"
      class={`${styles.dot} ${status === 'offline' ? styles.offline : ''}`}
      data-testid="connection-state"
      data-state={status}
      aria-label={status === 'offline' ? t('connection.offline') : undefined}
    />
  );
}
