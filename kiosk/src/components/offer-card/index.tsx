import type { KioskOffer } from '@vitrina/contracts';
import { discountText } from '@vitrina/contracts/locale';
import { displayName } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  offer: KioskOffer;
  onClip: (offerId: string) => void;
}

/**
 * One offer: what, how much off, and a button that saves it to the shopper's card. The discount is
 * worded here from its kind and value, so it follows the shopper's language (the server's
 * `discountText` is in the store's).
 */
export function OfferCard({ offer, onClip }: Props) {
  const { t, fmt } = useT();
  return (
    <article class={`${styles.card} ${offer.clipped ? styles.clipped : ''}`} data-testid="offer-card" data-offer-id={offer.offerId} data-clipped={offer.clipped}>
      <div class={styles.badge}>{discountText(offer.discountKind, offer.discountValue, fmt)}</div>
      <p class={styles.category}>{displayName(offer.category)}</p>
      <h3 class={styles.name}>{displayName(offer.productName)}</h3>
      <p class={styles.meta}>
        {offer.priceMinor !== null && <span>{t('offer.shelfPrice', { price: fmt.money(offer.priceMinor) })}</span>}
        {offer.validUntil && <span>{t('offer.until', { date: fmt.day(offer.validUntil) })}</span>}
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
            {t('offer.onCard')}
          </>
        ) : (
          t('offer.addToCard')
        )}
      </button>
    </article>
  );
}
