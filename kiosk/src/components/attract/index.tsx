import type { ScreenProps } from '../../screens';
import { Brand } from '../brand';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

/** The idle screen: invites a scan, or typing the number on the keypad. */
export default function Attract({ actions }: ScreenProps) {
  return (
    <main class={styles.attract} data-testid="attract">
      <header class={styles.top}>
        <Brand light />
      </header>
      <section class={styles.hero}>
        <div class={styles.illustration} aria-hidden="true">
          <div class={styles.card}>
            <span class={styles.stripe} />
            <span class={styles.barcode} />
          </div>
          <span class={styles.beam} />
        </div>
        <h1 class={styles.title}>Scan your loyalty card</h1>
        <p class={styles.subtitle}>See your points and today’s offers picked for you.</p>
      </section>
      <footer class={styles.bottom}>
        <button class={`${buttons.primary} ${styles.keypadButton}`} data-testid="open-keypad" onClick={actions.openKeypad}>
          <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
            <path fill="currentColor" d="M6 3h3v3H6zm4.5 0h3v3h-3zM15 3h3v3h-3zM6 8h3v3H6zm4.5 0h3v3h-3zM15 8h3v3h-3zM6 13h3v3H6zm4.5 0h3v3h-3zM15 13h3v3h-3zm-4.5 5h3v3h-3z" />
          </svg>
          Type your card or phone number
        </button>
        <p class={styles.hint}>The scanner is just below the screen.</p>
      </footer>
    </main>
  );
}
