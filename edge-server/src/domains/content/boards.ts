import { discountText, type DiscountTextFormat, type PriceBoardRow, type SignageBoards, type SignageOffer } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { sha256Hex } from '../../shared/ids.js';
import type { Catalog } from '../catalog/index.js';
import { bestPerProduct, displayNameOf, imageUrlOf, type LiveOffer, type OfferVerdict, type OffersService } from '../offers/index.js';
import type { PromotionsService } from '../promotions/index.js';

/** The most offers a board shows (OffersBoardSlide.maxOffers is at most this). */
export const BOARD_OFFERS_MAX = 12;
/**
 * Who the till's eligibility rule is asked about for a public screen: nobody. No segments, no
 * tier, no uses of their own: what remains is what any shopper gets.
 */
const PUBLIC_VIEWER = 'signage:public';

export interface BoardDeps {
  db: Queryable;
  offers: Pick<OffersService, 'live'>;
  promotions: Pick<PromotionsService, 'offersFor' | 'campaignsById' | 'today'>;
  catalog: Pick<Catalog, 'forDisplay' | 'isRestricted'>;
  /** The store's wording of discounts, and the locale and currency the screens format prices with. */
  format: Partial<DiscountTextFormat>;
  store: { locale: string; currency: string };
}

/**
 * What the data-driven slides show: offers any passer-by can have, and current prices of chosen
 * products. Built with the scan path's own services (live offers, the till's eligibility and
 * arithmetic, the catalogue's restriction), field by field, so nothing about a shopper reaches a
 * screen. An offer is public when it has no segment or tier rule, its product is not restricted,
 * and it belongs to no campaign or to a live campaign without a holdout: a screen everyone sees
 * would otherwise show the control arm what it is held out from.
 */
export class BoardSource {
  constructor(private readonly deps: BoardDeps) {}

  async boards(zoneId: string, priceProductIds: readonly string[]): Promise<SignageBoards> {
    const today = this.deps.promotions.today();
    const priced = await this.publicOffers(today);
    const offers = priced.slice(0, BOARD_OFFERS_MAX).map(({ offer, verdict }) => this.toSignageOffer(offer, verdict));
    const prices = await this.prices(priceProductIds, priced);
    const body = { offers, prices, currency: this.deps.store.currency, locale: this.deps.store.locale };
    // The version is the content's hash: a refresh that finds the same data pushes nothing.
    return { zoneId, version: sha256Hex(JSON.stringify(body)).slice(0, 16), ...body };
  }

  private async publicOffers(today: string): Promise<Array<{ offer: LiveOffer; verdict: OfferVerdict }>> {
    const [live, campaigns] = await Promise.all([this.deps.offers.live(today), this.deps.promotions.campaignsById(this.deps.db)]);
    const open = live.filter((o) => {
      if (o.restricted || o.segment !== null || o.tier_ids !== null) return false;
      if (!o.campaign_id) return true;
      const c = campaigns.get(o.campaign_id);
      return !!c && c.status === 'live' && c.holdout_pct === 0 && today >= c.starts_on && today <= c.ends_on;
    });
    const prices = await this.deps.promotions.offersFor(PUBLIC_VIEWER, today, open);
    const allowed = new Map<string, OfferVerdict>();
    for (const o of open) {
      const p = prices.get(o.id);
      if (p) allowed.set(o.id, { ...p, priority: o.campaign_id ? campaigns.get(o.campaign_id)?.priority ?? 0 : 0 });
    }
    return bestPerProduct(open.filter((o) => allowed.has(o.id)), allowed).map((g) => ({ offer: g.offer, verdict: allowed.get(g.offer.id)! }));
  }

  private async prices(productIds: readonly string[], priced: Array<{ offer: LiveOffer; verdict: OfferVerdict }>): Promise<PriceBoardRow[]> {
    const products = await this.deps.catalog.forDisplay(productIds);
    const offerOn = new Map(priced.map((p) => [p.offer.product_id, p]));
    const rows: PriceBoardRow[] = [];
    for (const id of new Set(productIds)) {
      const product = products.get(id);
      if (!product || this.deps.catalog.isRestricted(product)) continue;
      const offer = offerOn.get(id);
      rows.push({
        productId: id, name: displayNameOf(product), priceMinor: product.price_minor,
        offerPriceMinor: offer ? offer.verdict.offerPriceMinor : null,
        discountText: offer ? discountText(offer.offer.discount_kind, offer.offer.discount_value, this.deps.format) : null,
      });
    }
    return rows;
  }

  /** Only what a passer-by may see, field by field (as offers' own toSignageOffer). */
  private toSignageOffer(o: LiveOffer, v: OfferVerdict): SignageOffer {
    return {
      offerId: o.id, productName: o.product.name, displayName: displayNameOf(o.product), imageUrl: imageUrlOf(o.product.image), category: o.product.category,
      priceMinor: o.product.price_minor, offerPriceMinor: v.offerPriceMinor, discountText: discountText(o.discount_kind, o.discount_value, this.deps.format),
    };
  }
}
