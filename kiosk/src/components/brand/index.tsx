import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/** The program's mark and name, shown at the top of shopper screens. */
export function Brand({ light = false }: { light?: boolean }) {
  const { t } = useT();
  return (
    <div class={`${styles.brand} ${light ? styles.light : ''}`}>
      <svg class={styles.mark} viewBox="0 0 48 48" aria-hidden="true">
        <rect width="48" height="48" rx="12" fill="currentColor" />
        <rect x="9" y="14" width="30" height="20" rx="3" fill="var(--accent)" />
        <rect x="9" y="18.5" width="30" height="4" fill="var(--brand)" opacity=".85" />
      </svg>
      <span>
        {t('brand.name')} <strong>{t('brand.program')}</strong>
      </span>
    </div>
  );
}
