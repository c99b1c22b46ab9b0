import { useState } from 'preact/hooks';
import type { ScreenProps } from '../../screens';
import { maskDigits } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { buttons } from '@vitrina/contracts/client';
import { DigitPad } from '../digit-pad';
import styles from './style.module.css';

/** Longest card or phone number accepted from the keypad. */
const MAX_DIGITS = 19;

/** On-screen number pad; the number stays masked except its last four digits. */
export default function Keypad({ state, actions }: ScreenProps) {
  const { t } = useT();
  const [digits, setDigits] = useState('');
  const press = (d: string) => setDigits((v) => (v.length < MAX_DIGITS ? v + d : v));
  const submit = () => digits.length > 0 && !state.busy && actions.identify(digits, 'keypad');

  return (
    <main class={styles.page} data-testid="keypad">
      <section class={styles.panel} aria-labelledby="keypad-title">
        <h1 id="keypad-title" class={styles.title}>
          {t('keypad.title')}
        </h1>
        <output class={styles.display} data-testid="keypad-display" aria-live="polite" aria-label={t('keypad.display')}>
          {digits ? maskDigits(digits) : <span class={styles.placeholder}>{t('keypad.placeholder')}</span>}
        </output>
        <DigitPad testId="keypad" onDigit={press} onClear={() => setDigits('')} onBackspace={() => setDigits((v) => v.slice(0, -1))} />
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
