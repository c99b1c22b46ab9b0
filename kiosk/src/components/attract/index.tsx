import { useEffect } from 'preact/hooks';
import type { ScreenProps } from '../../screens';
import { IDLE_MS } from '../../config';
import { kioskI18n } from '../../lib/i18n';
import { useT } from '../../lib/use-t';
import { Brand } from '../brand';
import { LanguageSwitch } from '../language-switch';
import { buttons } from '@vitrina/contracts/client';
import styles from './style.module.css';

/** The idle screen: invites a scan, or typing the number on the keypad; the language switch. */
export default function Attract({ actions }: ScreenProps) {
  const { t, chosen } = useT();
  // A language chosen by someone who then walked away goes back to the store's.
  useEffect(() => {
    if (!chosen) return;
    const timer = setTimeout(() => kioskI18n.choose(null), IDLE_MS);
    return () => clearTimeout(timer);
  }, [chosen]);
  return (
    <main class={styles.attract} data-testid="attract">
      <header class={styles.top}>
        <Brand light />
        <LanguageSwitch />
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
