import type { KioskOffer, SignageOffer } from '@vitrina/contracts';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { discountText } from './format.js';
import type { RestrictionPolicy } from './policy.js';
import type { LiveOfferRow, OffersRepository } from './repository.js';

export interface RankedProduct {
  productId: string;
  score: number;
}

export interface SessionOffers {
  kiosk: KioskOffer[];
  signage: SignageOffer[];
  /** Lifecycle writes (campaign assignment, "shown") in flight; await after answering. */
  recorded: Promise<void>;
}

const LIVE_CACHE_MS = 30_000;

/** Campaign eligibility, holdout and lifecycle (offers/campaigns), plugged in by the offers engine. */
export interface OfferLifecycle {
  /**
   * Which of these ranked offers the shopper may see (reads only), and `recorded`: the write of
   * the assignment and "shown" for the first `keep`, started but not awaited, so the scan path
   * can answer the shopper before it waits for the write queue.
   */
  filterForSession(customerId: string, offerIds: readonly string[], today: string, keep: number): Promise<{ allowed: Set<string>; personal: Set<string>; recorded: Promise<void> }>;
  clipped(customerId: string, offerId: string): Promise<void>;
}

/**
 * Chooses which live offers a shopper sees: offers on the products the recommender ranked
 * highest first, then the rest by their own order; a privacy-safe subset for signage.
 */
export class OffersService {
  private cache: { day: string; at: number; rows: LiveOfferRow[] } | null = null;
  private lifecycle: OfferLifecycle | null = null;

  constructor(
    private readonly repo: OffersRepository,
    private readonly policy: RestrictionPolicy,
    private readonly counts: { kiosk: number; signage: number },
  ) {}

  /** Live offers, cached briefly: the scan path reads them on every scan. */
  async live(today: string): Promise<LiveOfferRow[]> {
    const now = Date.now();
    if (this.cache && this.cache.day === today && now - this.cache.at < LIVE_CACHE_MS) return this.cache.rows;
    const rows = await this.repo.live(today);
    this.cache = { day: today, at: now, rows };
    return rows;
  }

  useLifecycle(lifecycle: OfferLifecycle) {
    this.lifecycle = lifecycle;
  }

  invalidate() {
    this.cache = null;
  }

  /** Product ids with a live offer: the recommender adds them to its candidates. */
  async offerProductIds(today: string): Promise<string[]> {
    return [...new Set((await this.live(today)).map((o) => o.product_id))];
  }

  async selectForSession(customerId: string, ranked: RankedProduct[], today: string): Promise<SessionOffers> {
    const [offers, clipped] = await Promise.all([this.live(today), this.repo.clippedBy(customerId)]);
    const rank = new Map<string, number>();
    ranked.forEach((r, i) => { if (!rank.has(r.productId)) rank.set(r.productId, i); });
    let ordered = offers
      .filter((o) => this.policy.kioskShowsRestricted || !this.policy.isRestricted(o))
      .map((o, i) => ({ o, key: rank.get(o.product_id) ?? ranked.length + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.o);
    // Campaign offers reach only the campaign's treatment arm (control is recorded, shown nothing).
    let personal = new Set<string>();
    let recorded = Promise.resolve();
    if (this.lifecycle) {
      const chosen = await this.lifecycle.filterForSession(customerId, ordered.map((o) => o.id), today, this.counts.kiosk);
      ordered = ordered.filter((o) => chosen.allowed.has(o.id));
      personal = chosen.personal;
      recorded = chosen.recorded;
    }

    const kiosk = ordered.slice(0, this.counts.kiosk).map((o) => toKioskOffer(o, clipped.has(o.id), personal.has(o.id)));
    const signage = ordered
      .filter((o) => !this.policy.isRestricted(o))
      .slice(0, this.counts.signage)
      .map(toSignageOffer);
    return { kiosk, signage, recorded };
  }

  async clip(customerId: string, offerId: string, shownOfferIds: ReadonlySet<string>) {
    if (!shownOfferIds.has(offerId)) throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', 'That offer was not shown in this session.');
    await this.repo.clip(customerId, offerId, nowIso());
    await this.lifecycle?.clipped(customerId, offerId);
  }
}

function toKioskOffer(o: LiveOfferRow, clipped: boolean, personal: boolean): KioskOffer {
  return {
    offerId: o.id, productId: o.product_id, productName: o.product_name, department: o.department, category: o.category,
    priceMinor: o.price_minor, discountKind: o.discount_kind, discountValue: o.discount_value,
    discountText: discountText(o.discount_kind, o.discount_value), personal, clipped, validUntil: o.ends_on,
  };
}

/** Only what a passer-by may see: no shopper data, built field by field (never spread). */
function toSignageOffer(o: LiveOfferRow): SignageOffer {
  return { offerId: o.id, productName: o.product_name, category: o.category, priceMinor: o.price_minor, discountText: discountText(o.discount_kind, o.discount_value) };
}
