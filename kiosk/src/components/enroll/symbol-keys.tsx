import { useT } from '../../lib/use-t';
import styles from './style.module.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '@', '.', '_', '-'];

/** Digits and the few symbols an e-mail address or a code needs, under the letter keyboard. */
export function SymbolKeys({ onKey }: { onKey(key: string): void }) {
  const { t } = useT();
  return (
    <div class={styles.symbols} role="group" aria-label={t('enroll.symbols')} data-testid="symbol-keys">
      {KEYS.map((k) => (
        <button type="button" key={k} class={styles.symbol} data-testid={`symbol-key-${k}`} onClick={() => onKey(k)}>
          {k}
        </button>
      ))}
    </div>
  );
}
