import { useState } from 'preact/hooks';
import type { SignageOffer, SignageTakeover } from '@vitrina/contracts';
import { displayName } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * Offers for whoever just scanned at a kiosk nearby. Offers only — the contract carries
 * no name, balance or purchase detail, and this screen shows nothing else. One card per
 * product (the server chose the best offer), with the price after it as the till computes it.
 */
export function Takeover({ takeover }: { takeover: SignageTakeover }) {
  const { t } = useT();
  const count = takeover.offers.length;
  return (
    // Named, so the section is a region landmark over the loop's <main> (axe: all content in landmarks).
    <section class={styles.takeover} aria-labelledby="takeover-title" data-testid="takeover" data-takeover-id={takeover.takeoverId} key={takeover.takeoverId}>
      <header class={styles.head}>
        <p class={styles.eyebrow}>{t('takeover.eyebrow')}</p>
        <h1 id="takeover-title">{t('takeover.title')}</h1>
      </header>
      <div class={`${styles.grid} ${styles[`n${count}`] ?? ''}`}>
        {takeover.offers.map((o, i) => <OfferTile offer={o} index={i} key={o.offerId} />)}
      </div>
      <p class={styles.foot}>{t('takeover.foot')}</p>
      <div class={styles.timer} style={{ animationDuration: `${takeover.durationMs}ms` }} aria-hidden="true" />
    </section>
  );
}

function OfferTile({ offer: o, index }: { offer: SignageOffer; index: number }) {
  const { t, fmt } = useT();
  const [imageFailed, setImageFailed] = useState(false);
  const name = displayName(o.displayName);
  const discounted = o.priceMinor !== null && o.offerPriceMinor !== null && o.offerPriceMinor < o.priceMinor;
  return (
    <article class={styles.offer} data-testid="takeover-offer" data-offer-id={o.offerId} style={{ animationDelay: `${150 + index * 120}ms` }}>
      <div class={styles.top}>
        {o.imageUrl && !imageFailed ? (
          <img class={styles.image} src={o.imageUrl} alt="" onError={() => setImageFailed(true)} data-testid="takeover-image" />
        ) : (
          // No picture (or it failed to load): a drawn placeholder, never a broken-image icon.
          <div class={`${styles.image} ${styles.placeholder}`} aria-hidden="true">{name.charAt(0).toUpperCase()}</div>
        )}
        <div class={styles.badge}>{o.discountText}</div>
      </div>
      <p class={styles.category}>{displayName(o.category)}</p>
      <h2 class={styles.name}>{name}</h2>
      {discounted ? (
        <p class={styles.price} data-testid="takeover-price">
          <s>{t('offers.was', { price: fmt.money(o.priceMinor!) })}</s> <strong class={styles.now}>{t('offers.now', { price: fmt.money(o.offerPriceMinor!) })}</strong>
        </p>
      ) : (
        o.priceMinor !== null && <p class={styles.price} data-testid="takeover-price">{t('takeover.shelfPrice', { price: fmt.money(o.priceMinor) })}</p>
      )}
    </article>
  );
}
