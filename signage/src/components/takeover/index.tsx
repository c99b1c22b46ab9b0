import type { SignageTakeover } from '@vitrina/contracts';
import { displayName } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * Offers for whoever just scanned at a kiosk nearby. Offers only — the contract carries
 * no name, balance or purchase detail, and this screen shows nothing else.
 */
export function Takeover({ takeover }: { takeover: SignageTakeover }) {
  const { t, fmt } = useT();
  const count = takeover.offers.length;
  return (
    <section class={styles.takeover} data-testid="takeover" data-takeover-id={takeover.takeoverId} key={takeover.takeoverId}>
      <header class={styles.head}>
        <p class={styles.eyebrow}>{t('takeover.eyebrow')}</p>
        <h1>{t('takeover.title')}</h1>
      </header>
      <div class={`${styles.grid} ${styles[`n${count}`] ?? ''}`}>
        {takeover.offers.map((o, i) => (
          <article class={styles.offer} data-testid="takeover-offer" data-offer-id={o.offerId} key={o.offerId} style={{ animationDelay: `${150 + i * 120}ms` }}>
            <div class={styles.badge}>{o.discountText}</div>
            <p class={styles.category}>{displayName(o.category)}</p>
            <h2 class={styles.name}>{displayName(o.productName)}</h2>
            {o.priceMinor !== null && <p class={styles.price}>{t('takeover.shelfPrice', { price: fmt.money(o.priceMinor) })}</p>}
          </article>
        ))}
      </div>
      <p class={styles.foot}>{t('takeover.foot')}</p>
      <div class={styles.timer} style={{ animationDuration: `${takeover.durationMs}ms` }} aria-hidden="true" />
    </section>
  );
}
