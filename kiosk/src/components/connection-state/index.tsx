import type { ConnectionStatus } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * Always in the page (tests read data-state); visible only when the kiosk cannot reach
 * the store server, because then it cannot look up cards and shoppers should know.
 */
export function ConnectionState({ status }: { status: ConnectionStatus }) {
  const { t } = useT();
  const offline = status === 'offline';
  return (
    <div class={`${styles.state} ${offline ? styles.offline : ''}`} data-testid="connection-state" data-state={status} role="status">
      {offline && (
        <>
          <span class={styles.dot} aria-hidden="true" />
          {t('connection.offline')}
        </>
      )}
    </div>
  );
}
