import { discountText, type DiscountTextFormat, type KioskOffer, type SignageOffer } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { Catalog, ProductDisplay } from '../catalog/index.js';
import { displayNameOf, imageUrlOf } from './display-name.js';
import { mayShow } from './policy.js';
import { clippedIdsRead, type NewOffer, type OfferRow, type OffersRepository } from './repository.js';
import type { JsonRead } from '../../platform/db/json-read.js';

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

/** One unit's price with an offer, by the till's arithmetic (domains/promotions computes it). */
export interface OfferPrice {
  /** Null when the shelf price is unknown. */
  offerPriceMinor: number | null;
  bonusPoints: number;
  /** Money off plus bonus points at their money value: the best offer on a product has the most. */
  valueMinor: number;
}

/** An offer the shopper may have, priced, with its campaign's tie-break priority (higher wins). */
export interface OfferVerdict extends OfferPrice {
  priority: number;
}

export interface SessionOfferChoice {
  allowed: Map<string, OfferVerdict>;
  personal: Set<string>;
  /** Writes the campaign assignments and the shown state of the offers finally shown. */
  record(shownOfferIds: readonly string[]): Promise<void>;
}

/**
 * Which live offers this shopper may have, decided by the caller — the scan path passes
 * campaigns' arm filter and promotions' eligibility rule (the till's own); the offers domain
 * knows nothing of campaigns or promotions.
 */
export type SessionOfferFilter = (offers: readonly LiveOffer[]) => Promise<SessionOfferChoice>;

const LIVE_CACHE_MS = 30_000;

/**
 * Offers on products (owns `offers` and `clipped_offers`): which live offers a shopper sees —
 * offers on the products the recommender ranked highest first, then the rest by their own
 * order — and a privacy-safe subset for signage; clipping an offer to the card.
 */
export class OffersService {
  private cache: { day: string; at: number; rows: LiveOffer[] } | null = null;
  /** An offer's words depend only on its discount (the store's language and currency are fixed): written once per discount, not per card. */
  private readonly wording = new Map<string, string>();

  constructor(
    private readonly repo: OffersRepository,
    private readonly catalog: Pick<Catalog, 'forDisplay' | 'isRestricted'>,
    private readonly settings: { kioskShowsRestricted: boolean },
    private readonly counts: { kiosk: number; signage: number },
    /** The store's wording of discounts (language, currency); the demo store's when absent. */
    private readonly discountFormat: Partial<DiscountTextFormat> = {},
  ) {}

  /** The reads of this shopper's rows a scan makes, to be made as one statement (platform/db/json-read.ts). */
  shopperReads(customerId: string): Array<JsonRead<unknown>> {
    return [clippedIdsRead(customerId)];
  }

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

  /**
   * What one session shows: of the live offers the shopper may have (`filter`), ONE card per
   * product — the best for the shopper (most money off + points value), ties broken by the
   * campaign's priority, then by the offer id. Products that read the same on a card (same
   * display name: "Fluid Milk White Only 1 ga" under three ids) count as one product. Cards
   * follow the ranking (ranked products first, then the rest in their own order).
   */
  async selectForSession(customerId: string, ranked: RankedProduct[], today: string, filter: SessionOfferFilter): Promise<SessionOffers> {
    const [offers, clipped] = await Promise.all([this.live(today), this.repo.clippedBy(customerId)]);
    const visible = offers.filter((o) => this.mayShow('kiosk', o));
    const chosen = await filter(visible);
    const best = bestPerProduct(visible.filter((o) => chosen.allowed.has(o.id)), chosen.allowed);
    const rank = new Map<string, number>();
    ranked.forEach((r, i) => { if (!rank.has(r.productId)) rank.set(r.productId, i); });
    // A card stands where the best-ranked of its products stands.
    const ordered = best
      .map((g, i) => ({ o: g.offer, key: Math.min(...g.productIds.map((id) => rank.get(id) ?? ranked.length + i)) }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.o);
    const shown = ordered.slice(0, this.counts.kiosk);
    const kiosk = shown.map((o) => toKioskOffer(o, chosen.allowed.get(o.id)!, clipped.has(o.id), chosen.personal.has(o.id), this.wordsOf(o)));
    // Screens pick from every card the shopper could have, not only the kiosk's first few: a
    // kiosk led by restricted products still leaves the screens something to show.
    const signage = ordered
      .filter((o) => this.mayShow('signage', o))
      .slice(0, this.counts.signage)
      .map((o) => toSignageOffer(o, chosen.allowed.get(o.id)!, this.wordsOf(o)));
    return { kiosk, signage, recorded: chosen.record(shown.map((o) => o.id)) };
  }

  private wordsOf(o: LiveOffer): string {
    const key = `${o.discount_kind}:${o.discount_value}`;
    let words = this.wording.get(key);
    if (words === undefined) {
      words = discountText(o.discount_kind, o.discount_value, this.discountFormat);
      if (this.wording.size >= 1000) this.wording.clear(); // discounts are few; bounded all the same
      this.wording.set(key, words);
    }
    return words;
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

  /** A campaign's offers (any status) with their `source_ref`, inside the caller's transaction. */
  ofCampaignIn(tx: Queryable, campaignId: string) {
    return this.repo.ofCampaign(tx, campaignId);
  }

  /** Rewrites an offer in place, inside the caller's transaction (a chain campaign edited at head office). */
  async updateIn(tx: Queryable, offer: NewOffer) {
    await this.repo.update(tx, offer);
    this.invalidate();
  }

  /** Ends an offer (kept for its clips and lifecycle, never shown again), inside the caller's transaction. */
  async endIn(tx: Queryable, offerId: string) {
    await this.repo.setStatus(tx, offerId, 'ended');
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

/**
 * One offer per product (and per display name), the best for the shopper: most value, then the
 * higher campaign priority, then the smaller offer id (stable). Keeps the live order of the
 * winners, each with the products its card stands for.
 */
export function bestPerProduct(offers: readonly LiveOffer[], verdicts: ReadonlyMap<string, OfferVerdict>): Array<{ offer: LiveOffer; productIds: string[] }> {
  const better = (a: LiveOffer, b: LiveOffer) => {
    const va = verdicts.get(a.id)!;
    const vb = verdicts.get(b.id)!;
    if (va.valueMinor !== vb.valueMinor) return va.valueMinor > vb.valueMinor;
    if (va.priority !== vb.priority) return va.priority > vb.priority;
    return a.id < b.id;
  };
  const groups = new Map<string, { offer: LiveOffer; productIds: Set<string> }>();
  const keyOf = new Map<string, string>();
  for (const o of offers) {
    // A product and its card name both identify what the shopper sees; either one unites offers.
    const keys = [`id:${o.product_id}`, `name:${displayNameOf(o.product).toLowerCase()}`];
    const key = keys.map((k) => keyOf.get(k)).find((k) => k !== undefined) ?? keys[0]!;
    for (const k of keys) keyOf.set(k, key);
    const g = groups.get(key);
    if (!g) groups.set(key, { offer: o, productIds: new Set([o.product_id]) });
    else {
      g.productIds.add(o.product_id);
      if (better(o, g.offer)) g.offer = o;
    }
  }
  const winners = new Map([...groups.values()].map((g) => [g.offer, [...g.productIds]]));
  return offers.filter((o) => winners.has(o)).map((o) => ({ offer: o, productIds: winners.get(o)! }));
}

function toKioskOffer(o: LiveOffer, v: OfferVerdict, clipped: boolean, personal: boolean, words: string): KioskOffer {
  return {
    offerId: o.id, productId: o.product_id, productName: o.product.name, displayName: displayNameOf(o.product), imageUrl: imageUrlOf(o.product.image),
    department: o.product.department, category: o.product.category,
    priceMinor: o.product.price_minor, discountKind: o.discount_kind, discountValue: o.discount_value,
    discountText: words, offerPriceMinor: v.offerPriceMinor, bonusPoints: v.bonusPoints,
    personal, clipped, validUntil: o.ends_on,
  };
}

/** Only what a passer-by may see: no shopper data, built field by field (never spread). */
function toSignageOffer(o: LiveOffer, v: OfferVerdict, words: string): SignageOffer {
  return {
    offerId: o.id, productName: o.product.name, displayName: displayNameOf(o.product), imageUrl: imageUrlOf(o.product.image), category: o.product.category,
    priceMinor: o.product.price_minor, offerPriceMinor: v.offerPriceMinor, discountText: words,
  };
}
