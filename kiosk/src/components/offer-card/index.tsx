import type { KioskOffer } from '@vitrina/contracts';
import { discountText } from '@vitrina/contracts/locale';
import { displayName } from '@vitrina/contracts/client';
import { ProductImage } from './product-image';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

interface Props {
  offer: KioskOffer;
  onClip: (offerId: string) => void;
}

/**
 * One offer: the product (its picture or a placeholder, its short name), how much off, the
 * price before and after — computed by the server with the till's own arithmetic, so the card
 * and the receipt agree — and a button that saves it to the shopper's card. The discount is
 * worded here from its kind and value, so it follows the shopper's language (the server's
 * `discountText` is in the store's).
 */
export function OfferCard({ offer, onClip }: Props) {
  const { t, fmt } = useT();
  const name = displayName(offer.displayName);
  return (
    <article class={`${styles.card} ${offer.clipped ? styles.clipped : ''}`} data-testid="offer-card" data-offer-id={offer.offerId} data-product-id={offer.productId} data-clipped={offer.clipped}>
      <div class={styles.top}>
        <ProductImage src={offer.imageUrl} name={name} />
        <div class={styles.badge}>{discountText(offer.discountKind, offer.discountValue, fmt)}</div>
      </div>
      <p class={styles.category}>{displayName(offer.category)}</p>
      <h3 class={styles.name} title={offer.productName} data-testid="offer-name">{name}</h3>
      <Price offer={offer} />
      {offer.validUntil && <p class={styles.meta}>{t('offer.until', { date: fmt.day(offer.validUntil) })}</p>}
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

/** "Was / now" when the offer takes money off, the bonus points for a points offer, the shelf price otherwise. */
function Price({ offer }: { offer: KioskOffer }) {
  const { t, fmt } = useT();
  const was = offer.priceMinor;
  const now = offer.offerPriceMinor;
  if (was !== null && now !== null && now < was) {
    return (
      <p class={styles.price} data-testid="offer-price">
        {/* The words "Was" and "Now" carry the meaning for a screen reader; the strike-through is for the eye. */}
        <s class={styles.was}>{t('offers.was', { price: fmt.money(was) })}</s>
        <strong class={styles.now} data-testid="offer-now">{t('offers.now', { price: fmt.money(now) })}</strong>
      </p>
    );
  }
  return (
    <p class={styles.price} data-testid="offer-price">
      {was !== null && <span class={styles.shelf}>{t('offer.shelfPrice', { price: fmt.money(was) })}</span>}
      {offer.bonusPoints > 0 && <strong class={styles.points} data-testid="offer-points">{t('offers.bonusPoints', { points: fmt.points(offer.bonusPoints) })}</strong>}
    </p>
  );
}
