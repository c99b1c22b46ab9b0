import { useState } from 'preact/hooks';
import type { ScreenProps } from '../../screens';
import { maskDigits } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

/** Longest card or phone number accepted from the keypad. */
const MAX_DIGITS = 19;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen number pad; the number stays masked except its last four digits. */
export default function Keypad({ state, actions }: ScreenProps) {
  const { t } = useT();
  const [digits, setDigits] = useState('');
  const press = (d: string) => setDigits((v) => (v.length < MAX_DIGITS ? v + d : v));
  const submit = () => digits.length > 0 && !state.busy && actions.identify(digits, 'keypad');

  const key = (d: string) => (
    <button key={d} class={styles.key} data-testid={`keypad-key-${d}`} onClick={() => press(d)}>
      {d}
    </button>
  );

  return (
    <main class={styles.page} data-testid="keypad">
      <section class={styles.panel} aria-labelledby="keypad-title">
        <h1 id="keypad-title" class={styles.title}>
          {t('keypad.title')}
        </h1>
        <output class={styles.display} data-testid="keypad-display" aria-live="polite" aria-label={t('keypad.display')}>
          {digits ? maskDigits(digits) : <span class={styles.placeholder}>{t('keypad.placeholder')}</span>}
        </output>
        <div class={styles.grid}>
          {DIGITS.map(key)}
          <button class={`${styles.key} ${styles.fn}`} data-testid="keypad-clear" onClick={() => setDigits('')}>
            {t('keypad.clear')}
          </button>
          {key('0')}
          <button class={`${styles.key} ${styles.fn}`} data-testid="keypad-backspace" aria-label={t('keypad.backspace')} onClick={() => setDigits((v) => v.slice(0, -1))}>
            <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
              <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M9 5h11v14H9l-6-7zM12.5 9.5l5 5m0-5-5 5" />
            </svg>
          </button>
        </div>
        <div class={styles.actions}>
          <button class={`${buttons.ghost} ${styles.cancel}`} data-testid="keypad-cancel" onClick={() => actions.finish('done')}>
            {t('keypad.cancel')}
          </button>
          <button class={`${buttons.primary} ${styles.ok}`} data-testid="keypad-ok" disabled={digits.length === 0 || state.busy} onClick={submit}>
            {state.busy ? t('keypad.lookingUp') : t('keypad.ok')}
          </button>
        </div>
      </section>
    </main>
  );
}
