import { useState } from 'preact/hooks';
import { useT } from '../../lib/use-t';
import { KEYBOARD_LAYOUTS, layoutFor, withCase, type KeyboardLayout } from './layouts';
import styles from './style.module.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}

/**
 * On-screen letters for the first-name field: a kiosk has no physical keyboard, and the
 * system one may not appear in kiosk mode. Large keys (≥ 44 px), no symbols beyond what names need.
 * Cyrillic (ЙЦУКЕН) for Russian readers, Latin for English ones; one key switches between them.
 */
export function LetterKeyboard({ value, onChange, maxLength }: Props) {
  const { t, language } = useT();
  const [layout, setLayout] = useState<KeyboardLayout>(() => layoutFor(language));
  const add = (text: string) => value.length < maxLength && onChange(value + text);
  const other: KeyboardLayout = layout === 'latin' ? 'cyrillic' : 'latin';
  return (
    <div class={styles.keyboard} data-testid="letter-keyboard" data-layout={layout} role="group" aria-label={t('keyboard.label')}>
      {KEYBOARD_LAYOUTS[layout].map((row) => (
        <div class={styles.row} key={row}>
          {[...row].map((l) => (
            <button type="button" class={styles.key} key={l} data-testid={`letter-key-${l}`} onClick={() => add(withCase(value, l))}>
              {withCase(value, l)}
            </button>
          ))}
        </div>
      ))}
      <div class={styles.row}>
        <button
          type="button"
          class={`${styles.key} ${styles.wide}`}
          data-testid="letter-layout-switch"
          aria-label={other === 'latin' ? t('keyboard.switchLatin') : t('keyboard.switchCyrillic')}
          onClick={() => setLayout(other)}
        >
          {other === 'latin' ? t('keyboard.latin') : t('keyboard.cyrillic')}
        </button>
        <button type="button" class={`${styles.key} ${styles.wide}`} onClick={() => value && add('-')}>
          -
        </button>
        <button type="button" class={`${styles.key} ${styles.space}`} aria-label={t('keyboard.spaceLabel')} onClick={() => value && !value.endsWith(' ') && add(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" class={`${styles.key} ${styles.wide}`} aria-label={t('keyboard.backspace')} data-testid="letter-key-backspace" onClick={() => onChange(value.slice(0, -1))}>
          <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M9 5h11v14H9l-6-7zM12.5 9.5l5 5m0-5-5 5" />
          </svg>
        </button>
      </div>
    </div>
  );
}
