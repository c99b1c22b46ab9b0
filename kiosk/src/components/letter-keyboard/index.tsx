import styles from './style.module.css';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

interface Props {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}

/** Capital letter at the start of a name part ("Mary-Ann", "Ana Luisa"), small letters after. */
function withCase(value: string, letter: string): string {
  return value === '' || /[\s-]$/.test(value) ? letter.toUpperCase() : letter.toLowerCase();
}

/**
 * On-screen letters for the first-name field: a kiosk has no physical keyboard, and the
 * system one may not appear in kiosk mode. Large keys (≥ 44 px), no symbols beyond what names need.
 */
export function LetterKeyboard({ value, onChange, maxLength }: Props) {
  const add = (text: string) => value.length < maxLength && onChange(value + text);
  return (
    <div class={styles.keyboard} data-testid="letter-keyboard" role="group" aria-label="On-screen keyboard">
      {ROWS.map((row) => (
        <div class={styles.row} key={row}>
          {[...row].map((l) => (
            <button type="button" class={styles.key} key={l} data-testid={`letter-key-${l}`} onClick={() => add(withCase(value, l))}>
              {withCase(value, l)}
            </button>
          ))}
        </div>
      ))}
      <div class={styles.row}>
        <button type="button" class={`${styles.key} ${styles.wide}`} onClick={() => value && add('-')}>
          -
        </button>
        <button type="button" class={`${styles.key} ${styles.space}`} aria-label="Space" onClick={() => value && !value.endsWith(' ') && add(' ')}>
          space
        </button>
        <button type="button" class={`${styles.key} ${styles.wide}`} aria-label="Delete last letter" data-testid="letter-key-backspace" onClick={() => onChange(value.slice(0, -1))}>
          <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M9 5h11v14H9l-6-7zM12.5 9.5l5 5m0-5-5 5" />
          </svg>
        </button>
      </div>
    </div>
  );
}
