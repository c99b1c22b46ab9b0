import type { SignageBoards, SignageOffer } from '@vitrina/contracts';
import { displayName } from '@vitrina/contracts/client';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/**
 * The data-driven slides: the zone's live non-personal offers, and a price board of chosen
 * products. Both read `snapshot.boards`, which the server refreshes when offers or prices change.
 */
export function OffersBoard({ title, offers }: { title: string; offers: readonly SignageOffer[] }) {
  const { t, fmt } = useT();
  return (
    <div class={styles.board} data-testid="offers-board">
      <h1 class={styles.title}>{title || t('boards.offers')}</h1>
      {offers.length === 0 ? (
        <p class={styles.empty}>{t('boards.noOffers')}</p>
      ) : (
        <ul class={styles.offers}>
          {offers.map((o) => {
            const discounted = o.priceMinor !== null && o.offerPriceMinor !== null && o.offerPriceMinor < o.priceMinor;
            return (
              <li class={styles.offer} key={o.offerId} data-testid="board-offer" data-offer-id={o.offerId}>
                <span class={styles.badge}>{o.discountText}</span>
                <span class={styles.name}>{displayName(o.displayName)}</span>
                {discounted ? (
                  <span class={styles.price}>
                    <s>{fmt.money(o.priceMinor!)}</s> <strong>{fmt.money(o.offerPriceMinor!)}</strong>
                  </span>
                ) : (
                  o.priceMinor !== null && <span class={styles.price}>{fmt.money(o.priceMinor)}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function PriceBoard({ title, productIds, boards }: { title: string; productIds: readonly string[]; boards: SignageBoards | null }) {
  const { t, fmt } = useT();
  const byId = new Map((boards?.prices ?? []).map((r) => [r.productId, r]));
  const rows = productIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
  return (
    <div class={styles.board} data-testid="price-board">
      <h1 class={styles.title}>{title || t('boards.prices')}</h1>
      <table class={styles.prices}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.productId} data-testid="price-row" data-product-id={r.productId}>
              <th scope="row">{displayName(r.name)}</th>
              <td>
                {r.offerPriceMinor !== null && r.priceMinor !== null && r.offerPriceMinor < r.priceMinor ? (
                  <>
                    <s>{fmt.money(r.priceMinor)}</s> <strong>{fmt.money(r.offerPriceMinor)}</strong>
                  </>
                ) : (
                  r.priceMinor !== null && fmt.money(r.priceMinor)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
