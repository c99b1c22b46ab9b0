import type { SignageTakeover } from '@vitrina/contracts';
import { displayName, formatMoney } from '@vitrina/contracts/client';
import styles from './style.module.css';

/**
 * Offers for whoever just scanned at a kiosk nearby. Offers only — the contract carries
 * no name, balance or purchase detail, and this screen shows nothing else.
 */
export function Takeover({ takeover }: { takeover: SignageTakeover }) {
  const count = takeover.offers.length;
  return (
    <section class={styles.takeover} data-testid="takeover" data-takeover-id={takeover.takeoverId} key={takeover.takeoverId}>
      <header class={styles.head}>
        <p class={styles.eyebrow}>Just scanned at the kiosk</p>
        <h1>Offers for you today</h1>
      </header>
      <div class={`${styles.grid} ${styles[`n${count}`] ?? ''}`}>
        {takeover.offers.map((o, i) => (
          <article class={styles.offer} data-testid="takeover-offer" data-offer-id={o.offerId} key={o.offerId} style={{ animationDelay: `${150 + i * 120}ms` }}>
            <div class={styles.badge}>{o.discountText}</div>
            <p class={styles.category}>{displayName(o.category)}</p>
            <h2 class={styles.name}>{displayName(o.productName)}</h2>
            {o.priceMinor !== null && <p class={styles.price}>Shelf price {formatMoney(o.priceMinor)}</p>}
          </article>
        ))}
      </div>
      <p class={styles.foot}>Add them to your card at the kiosk — the discount applies at checkout.</p>
      <div class={styles.timer} style={{ animationDuration: `${takeover.durationMs}ms` }} aria-hidden="true" />
    </section>
  );
}
