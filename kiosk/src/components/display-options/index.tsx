import { displayOptions } from '../../lib/display-options';
import { useDisplayOptions } from '../../lib/use-display-options';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  /** On the dark attract screen the buttons are light; elsewhere they sit on paper. */
  tone?: 'light' | 'dark';
}

/**
 * Larger text and high contrast, one tap each: the kiosk's alternative to pinch-zoom (switched
 * off so a zoomed screen is never left for the next shopper). The choice lasts for the visit
 * (lib/display-options.ts).
 */
export function DisplayOptions({ tone = 'dark' }: Props) {
  const { t } = useT();
  const { largeText, highContrast } = useDisplayOptions();
  return (
    <div class={`${styles.options} ${tone === 'light' ? styles.light : ''}`} role="group" aria-label={t('display.label')} data-testid="display-options">
      <button type="button" class={styles.option} aria-pressed={largeText} data-testid="display-large-text" onClick={() => displayOptions.toggle('largeText')}>
        <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
          <path fill="currentColor" d="M2 19 7.2 5h2.1L14.5 19h-2.3l-1.3-3.7H5.6L4.3 19zm4.3-5.6h3.9L8.3 7.8zM16 19l3-8.2h1.9L24 19h-2l-.7-2h-3.4l-.7 2zm2.5-3.6h2.3l-1.1-3.3z" />
        </svg>
        <span>{t('display.largeText')}</span>
      </button>
      <button type="button" class={styles.option} aria-pressed={highContrast} data-testid="display-high-contrast" onClick={() => displayOptions.toggle('highContrast')}>
        <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.icon}>
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
          <path fill="currentColor" d="M12 3a9 9 0 0 1 0 18z" />
        </svg>
        <span>{t('display.highContrast')}</span>
      </button>
    </div>
  );
}
