import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  /** Prefix of the keys' test ids: `${testId}-key-1`, `${testId}-clear`, `${testId}-backspace`. */
  testId: string;
  onDigit(digit: string): void;
  onClear(): void;
  onBackspace(): void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The kiosk's number pad (1–9, clear, 0, backspace): large keys for the card/phone keypad screen
 * and the optional phone field of enrollment. Buttons are type="button" so a pad inside a form
 * never submits it.
 */
export function DigitPad({ testId, onDigit, onClear, onBackspace }: Props) {
  const { t } = useT();
  const key = (d: string) => (
    <button type="button" key={d} class={styles.key} data-testid={`${testId}-key-${d}`} onClick={() => onDigit(d)}>
      {d}
    </button>
  );
  return (
    <div class={styles.grid} role="group" aria-label={t('keypad.padLabel')}>
      {DIGITS.map(key)}
      <button type="button" class={`${styles.key} ${styles.fn}`} data-testid={`${testId}-clear`} onClick={onClear}>
        {t('keypad.clear')}
      </button>
      {key('0')}
      <button type="button" class={`${styles.key} ${styles.fn}`} data-testid={`${testId}-backspace`} aria-label={t('keypad.backspace')} onClick={onBackspace}>
        <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
          <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M9 5h11v14H9l-6-7zM12.5 9.5l5 5m0-5-5 5" />
        </svg>
      </button>
    </div>
  );
}
