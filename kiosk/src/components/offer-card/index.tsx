import type { KioskOffer } from '@vitrina/contracts';
import { displayName, formatMoney } from '@vitrina/contracts/client';
import { formatShortDate } from '../../lib/format';
import styles from './style.module.css';

interface Props {
  offer: KioskOffer;
  onClip: (offerId: string) => void;
}

/** One offer: what, how much off, and a button that saves it to the shopper's card. */
export function OfferCard({ offer, onClip }: Props) {
  return (
    <article class={`${styles.card} ${offer.clipped ? styles.clipped : ''}`} data-testid="offer-card" data-offer-id={offer.offerId} data-clipped={offer.clipped}>
      <div class={styles.badge}>{offer.discountText}</div>
      <p class={styles.category}>{displayName(offer.category)}</p>
      <h3 class={styles.name}>{displayName(offer.productName)}</h3>
      <p class={styles.meta}>
        {offer.priceMinor !== null && <span>Shelf price {formatMoney(offer.priceMinor)}</span>}
        {offer.validUntil && <span>Until {formatShortDate(offer.validUntil)}</span>}
      </p>
      <button
        class={styles.clip}
        data-testid="clip-button"
        disabled={offer.clipped}
        aria-pressed={offer.clipped}
        data-clipped={offer.clipped}
        onClick={() => onClip(offer.offerId)}
      >
        {offer.clipped ? (
          <>
            <svg viewBox="0 0 24 24" aria-hidden="true" class={styles.check}>
              <path fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" d="m5 12.5 4.5 4.5L19 7.5" />
            </svg>
            On your card
          </>
        ) : (
          'Add to card'
        )}
      </button>
    </article>
  );
}
