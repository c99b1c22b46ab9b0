import { discountText, type DiscountTextFormat, type KioskOffer, type SignageOffer } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { Catalog, ProductDisplay } from '../catalog/index.js';
import { mayShow } from './policy.js';
import type { NewOffer, OfferRow, OffersRepository } from './repository.js';

export interface RankedProduct {
  productId: string;
  score: number;
}

/** A live offer with what is shown of its product. */
export interface LiveOffer extends OfferRow {
  product: ProductDisplay;
  /** Decided by the catalogue once per load of the live offers, not on every scan. */
  restricted: boolean;
}

export interface SessionOffers {
  kiosk: KioskOffer[];
  signage: SignageOffer[];
  /** Lifecycle writes (campaign assignment, "shown") in flight; await after answering. */
  recorded: Promise<void>;
}

/**
 * Which of the ranked offers this shopper may see (campaign arms), applied by the caller — the
 * offers domain knows nothing of campaigns. `recorded` is the write of the assignment and the
 * "shown" state, started but not awaited, so the scan path answers the shopper first.
 */
export type SessionOfferFilter = (offers: ReadonlyArray<{ offerId: string; campaignId: string | null }>, keep: number) =>
  Promise<{ allowed: Set<string>; personal: Set<string>; recorded: Promise<void> }>;

const LIVE_CACHE_MS = 30_000;

/**
 * Offers on products (owns `offers` and `clipped_offers`): which live offers a shopper sees —
 * offers on the products the recommender ranked highest first, then the rest by their own
 * order — and a privacy-safe subset for signage; clipping an offer to the card.
 */
export class OffersService {
  private cache: { day: string; at: number; rows: LiveOffer[] } | null = null;

  constructor(
    private readonly repo: OffersRepository,
    private readonly catalog: Pick<Catalog, 'forDisplay' | 'isRestricted'>,
    private readonly settings: { kioskShowsRestricted: boolean },
    private readonly counts: { kiosk: number; signage: number },
    /** The store's wording of discounts (language, currency); the demo store's when absent. */
    private readonly discountFormat: Partial<DiscountTextFormat> = {},
  ) {}

  /** Live offers, cached briefly: the scan path reads them on every scan. */
  async live(today: string): Promise<LiveOffer[]> {
    const now = Date.now();
    if (this.cache && this.cache.day === today && now - this.cache.at < LIVE_CACHE_MS) return this.cache.rows;
    const rows = await this.repo.live(today);
    const products = await this.catalog.forDisplay(rows.map((r) => r.product_id));
    const live = rows.flatMap((r) => {
      const product = products.get(r.product_id);
      return product ? [{ ...r, product, restricted: this.catalog.isRestricted(product) }] : [];
    });
    this.cache = { day: today, at: now, rows: live };
    return live;
  }

  /** Offers changed (a campaign's status, a new offer): the next scan reads them afresh. */
  invalidate() {
    this.cache = null;
  }

  /** Product ids with a live offer: the recommender adds them to its candidates. */
  async offerProductIds(today: string): Promise<string[]> {
    return [...new Set((await this.live(today)).map((o) => o.product_id))];
  }

  async selectForSession(customerId: string, ranked: RankedProduct[], today: string, filter?: SessionOfferFilter): Promise<SessionOffers> {
    const [offers, clipped] = await Promise.all([this.live(today), this.repo.clippedBy(customerId)]);
    const rank = new Map<string, number>();
    ranked.forEach((r, i) => { if (!rank.has(r.productId)) rank.set(r.productId, i); });
    let ordered = offers
      .filter((o) => this.mayShow('kiosk', o))
      .map((o, i) => ({ o, key: rank.get(o.product_id) ?? ranked.length + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.o);
    let personal = new Set<string>();
    let recorded = Promise.resolve();
    if (filter) {
      const chosen = await filter(ordered.map((o) => ({ offerId: o.id, campaignId: o.campaign_id })), this.counts.kiosk);
      ordered = ordered.filter((o) => chosen.allowed.has(o.id));
      personal = chosen.personal;
      recorded = chosen.recorded;
    }
    const kiosk = ordered.slice(0, this.counts.kiosk).map((o) => toKioskOffer(o, clipped.has(o.id), personal.has(o.id), this.discountFormat));
    const signage = ordered
      .filter((o) => this.mayShow('signage', o))
      .slice(0, this.counts.signage)
      .map((o) => toSignageOffer(o, this.discountFormat));
    return { kiosk, signage, recorded };
  }

  /** Restricted products (the catalogue decides) never reach signage, and the kiosk only where allowed. */
  private mayShow(surface: 'kiosk' | 'signage', o: LiveOffer) {
    return mayShow(surface, o.restricted, this.settings.kioskShowsRestricted);
  }

  /** Clips a shown offer to the shopper's card; returns the offer's campaign (its lifecycle is the campaign's). */
  async clip(customerId: string, offerId: string, shownOfferIds: ReadonlySet<string>): Promise<{ campaignId: string | null }> {
    if (!shownOfferIds.has(offerId)) throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', 'That offer was not shown in this session.');
    await this.repo.clip(customerId, offerId, nowIso());
    return { campaignId: (await this.repo.byId(offerId))?.campaign_id ?? null };
  }

  endedBefore(day: string) {
    return this.repo.endedBefore(day);
  }

  /** A new offer, inside the caller's transaction (campaigns, the demo store). */
  async createIn(tx: Queryable, offer: NewOffer) {
    await this.repo.insert(tx, offer);
    this.invalidate();
  }

  /** Offers the customer clipped that are live on `day` (the till applies them). */
  clippedLiveIn(q: Queryable, customerId: string, day: string) {
    return this.repo.clippedLive(q, customerId, day);
  }

  clipsOf(customerId: string) {
    return this.repo.clipsOf(customerId);
  }

  /** Erasure: the customer's clips go with their identity. */
  forgetClipsOf(tx: Queryable, customerId: string) {
    return this.repo.forgetClipsOf(tx, customerId);
  }
}

function toKioskOffer(o: LiveOffer, clipped: boolean, personal: boolean, format: Partial<DiscountTextFormat>): KioskOffer {
  return {
    offerId: o.id, productId: o.product_id, productName: o.product.name, department: o.product.department, category: o.product.category,
    priceMinor: o.product.price_minor, discountKind: o.discount_kind, discountValue: o.discount_value,
    discountText: discountText(o.discount_kind, o.discount_value, format), personal, clipped, validUntil: o.ends_on,
  };
}

/** Only what a passer-by may see: no shopper data, built field by field (never spread). */
function toSignageOffer(o: LiveOffer, format: Partial<DiscountTextFormat>): SignageOffer {
  return { offerId: o.id, productName: o.product.name, category: o.product.category, priceMinor: o.product.price_minor, discountText: discountText(o.discount_kind, o.discount_value, format) };
}
