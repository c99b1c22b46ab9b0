import { LANGUAGES } from '@vitrina/contracts/locale';
import { kioskI18n } from '../../lib/i18n';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * The attract screen's language buttons. The shopper's choice lasts for their visit; the kiosk
 * goes back to the store's language when the session ends (use-kiosk's finish) or, if nobody
 * scans, after a while on the attract screen.
 */
export function LanguageSwitch() {
  const { t, language } = useT();
  return (
    <div class={styles.switch} role="group" aria-label={t('language.label')} data-testid="language-switch" data-language={language}>
      {LANGUAGES.map((lang) => (
        <button
          type="button"
          key={lang}
          lang={lang}
          class={styles.option}
          aria-pressed={lang === language}
          data-testid={`language-${lang}`}
          onClick={() => kioskI18n.choose(lang)}
        >
          {lang === 'en' ? t('language.en') : t('language.ru')}
        </button>
      ))}
    </div>
  );
}
