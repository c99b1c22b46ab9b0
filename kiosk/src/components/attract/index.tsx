import { useEffect } from 'preact/hooks';
import type { ScreenProps } from '../../screens';
import { IDLE_MS } from '../../config';
import { kioskI18n } from '../../lib/i18n';
import { useT } from '../../lib/use-t';
import { Brand } from '../brand';
import { LanguageSwitch } from '../language-switch';
import { DisplayOptions } from '../display-options';
import { displayOptions } from '../../lib/display-options';
import { useDisplayOptions } from '../../lib/use-display-options';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

/** The idle screen: invites a scan, or typing the number on the keypad; the language switch and display options. */
export default function Attract({ actions }: ScreenProps) {
  const { t, chosen } = useT();
  const display = useDisplayOptions();
  // Back on the attract screen, the last visit is over: its display options go (a shared kiosk).
  useEffect(() => {
    displayOptions.reset();
  }, []);
  // A language or display options chosen by someone who then walked away go back to the defaults.
  useEffect(() => {
    if (!chosen && !display.largeText && !display.highContrast) return;
    const timer = setTimeout(() => {
      kioskI18n.choose(null);
      displayOptions.reset();
    }, IDLE_MS);
    return () => clearTimeout(timer);
  }, [chosen, display.largeText, display.highContrast]);
  return (
    <main class={styles.attract} data-testid="attract">
      <header class={styles.top}>
        <Brand light />
        <div class={styles.settings}>
          <DisplayOptions tone="light" />
          <LanguageSwitch />
        </div>
      </header>
      <section class={styles.hero}>
        <div class={styles.illustration} aria-hidden="true">
          <div class={styles.card}>
            <span class={styles.stripe} />
            <span class={styles.barcode} />
          </div>
          <span class={styles.beam} />
        </div>
        <h1 class={styles.title}>{t('attract.title')}</h1>
        <p class={styles.subtitle}>{t('attract.subtitle')}</p>
      </section>
      <footer class={styles.bottom}>
        <button class={`${buttons.primary} ${styles.keypadButton}`} data-testid="open-keypad" onClick={actions.openKeypad}>
          <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
            <path fill="currentColor" d="M6 3h3v3H6zm4.5 0h3v3h-3zM15 3h3v3h-3zM6 8h3v3H6zm4.5 0h3v3h-3zM15 8h3v3h-3zM6 13h3v3H6zm4.5 0h3v3h-3zM15 13h3v3h-3zm-4.5 5h3v3h-3z" />
          </svg>
          {t('attract.typeNumber')}
        </button>
        <p class={styles.hint}>{t('attract.scannerHint')}</p>
      </footer>
    </main>
  );
}
