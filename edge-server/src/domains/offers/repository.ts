import type { Database, Queryable } from '../../platform/db/database.js';
import { cachedRead, forgetCached } from '../../platform/db/tx-memo.js';
import { jsonSetRead, readJson, type JsonRead } from '../../platform/db/json-read.js';
import type { DiscountKind } from '@vitrina/contracts';

/** An offer row as stored: a discount on one product for a period, optionally of a campaign. */
export interface OfferRow {
  id: string;
  product_id: string;
  title: string;
  discount_kind: DiscountKind;
  discount_value: number;
  starts_on: string;
  ends_on: string;
  campaign_id: string | null;
  /** The offer's rules (migration 006), NULL where it has none: segment, tiers (JSON array), total uses, money budget. */
  segment: string | null;
  tier_ids: string | null;
  max_uses: number | null;
  budget_minor: number | null;
}

/** Who may have an offer and how much of it there is (enforced by domains/promotions' `eligibility`). */
export interface OfferRules {
  segment?: string;
  tierIds?: string[];
  maxUses?: number;
  budgetMinor?: number;
}

export interface NewOffer {
  id: string;
  productId: string;
  title: string;
  kind: DiscountKind;
  value: number;
  startsOn: string;
  endsOn: string;
  campaignId?: string | null;
  sourceRef?: string | null;
  rules?: OfferRules;
}

const COLUMNS = 'o.id, o.product_id, o.title, o.discount_kind, o.discount_value, o.starts_on, o.ends_on, o.campaign_id, o.segment, o.tier_ids, o.max_uses, o.budget_minor';

/** Read-cache keys of a shopper's live clipped offers: `offers.clipped:<customerId>`. */
const CLIPPED_LIVE_AREA = 'offers.clipped:';

/** The only place with SQL for offers and clipped_offers. */
/** The ids of every offer the shopper clipped, as one JSON read (platform/db/json-read.ts). */
export function clippedIdsRead(customerId: string): JsonRead<ReadonlySet<string>> {
  return jsonSetRead(`offers.clipped-ids:${customerId}`, '(SELECT json_group_array(offer_id) FROM clipped_offers WHERE customer_id = ?)', [customerId]);
}

export class OffersRepository {
  constructor(private readonly db: Database) {}

  async insert(q: Queryable, o: NewOffer) {
    await q.run(
      `INSERT INTO offers (id, product_id, title, discount_kind, discount_value, starts_on, ends_on, status, campaign_id, source_ref, segment, tier_ids, max_uses, budget_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'live', ?, ?, ?, ?, ?, ?)`,
      [o.id, o.productId, o.title, o.kind, o.value, o.startsOn, o.endsOn, o.campaignId ?? null, o.sourceRef ?? null,
        o.rules?.segment ?? null, o.rules?.tierIds ? JSON.stringify(o.rules.tierIds) : null, o.rules?.maxUses ?? null, o.rules?.budgetMinor ?? null],
    );
    forgetCached(q, CLIPPED_LIVE_AREA);
  }

  /** A campaign's offers with where they came from (`source_ref`) and status: the chain's down-flow syncs them. */
  ofCampaign(q: Queryable, campaignId: string) {
    return q.all<OfferRow & { source_ref: string | null; status: string }>(`SELECT ${COLUMNS}, o.source_ref, o.status FROM offers o WHERE o.campaign_id = ? ORDER BY o.id`, [campaignId]);
  }

  /** Rewrites an offer in place (its id, clips and lifecycle stay); it is live again. */
  async update(q: Queryable, o: NewOffer) {
    await q.run(
      `UPDATE offers SET product_id = ?, title = ?, discount_kind = ?, discount_value = ?, starts_on = ?, ends_on = ?, status = 'live',
         segment = ?, tier_ids = ?, max_uses = ?, budget_minor = ? WHERE id = ?`,
      [o.productId, o.title, o.kind, o.value, o.startsOn, o.endsOn,
        o.rules?.segment ?? null, o.rules?.tierIds ? JSON.stringify(o.rules.tierIds) : null, o.rules?.maxUses ?? null, o.rules?.budgetMinor ?? null, o.id],
    );
    forgetCached(q, CLIPPED_LIVE_AREA);
  }

  async setStatus(q: Queryable, id: string, status: 'live' | 'paused' | 'ended') {
    await q.run('UPDATE offers SET status = ? WHERE id = ?', [status, id]);
    forgetCached(q, CLIPPED_LIVE_AREA);
  }

  /** Offers live on `day` (store-local date, inclusive end day). */
  live(day: string) {
    return this.db.all<OfferRow>(`SELECT ${COLUMNS} FROM offers o WHERE o.status = 'live' AND o.starts_on <= ? AND o.ends_on >= ? ORDER BY o.id`, [day, day]);
  }

  /** Offers this customer clipped that are live on `day`. */
  async clippedLive(q: Queryable, customerId: string, day: string) {
    // All of the customer's live clipped offers, kept in the read cache (a till's sale reads them
    // ahead, so its transaction does not) and filtered by day here (a batch of history spans many
    // days). Forgotten by a clip, by erasure, and by any write to an offer (its status joins).
    const clipped = await cachedRead(q, `${CLIPPED_LIVE_AREA}${customerId}`, () => q.all<OfferRow>(
      `SELECT ${COLUMNS} FROM clipped_offers c JOIN offers o ON o.id = c.offer_id WHERE c.customer_id = ? AND o.status = 'live' ORDER BY o.id`,
      [customerId],
    ));
    return clipped.filter((o) => o.starts_on <= day && o.ends_on >= day);
  }


  byId(id: string) {
    return this.db.get<OfferRow>(`SELECT ${COLUMNS} FROM offers o WHERE o.id = ?`, [id]);
  }

  /** Ids of offers whose last day is before `day`. */
  endedBefore(day: string) {
    return this.db.all<{ id: string }>('SELECT id FROM offers WHERE ends_on < ?', [day]).then((rows) => rows.map((r) => r.id));
  }

  clippedBy(customerId: string): Promise<ReadonlySet<string>> {
    const read = clippedIdsRead(customerId);
    return cachedRead(this.db, read.key, () => readJson(this.db, read));
  }

  clipsOf(customerId: string) {
    return this.db.all<{ offer_id: string; clipped_at: string }>('SELECT offer_id, clipped_at FROM clipped_offers WHERE customer_id = ? ORDER BY clipped_at', [customerId]);
  }

  async clip(customerId: string, offerId: string, at: string) {
    await this.db.run('INSERT INTO clipped_offers (customer_id, offer_id, clipped_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [customerId, offerId, at]);
    forgetCached(this.db, `offers.clipped-ids:${customerId}`);
    forgetCached(this.db, `${CLIPPED_LIVE_AREA}${customerId}`);
  }

  async forgetClipsOf(q: Queryable, customerId: string) {
    await q.run('DELETE FROM clipped_offers WHERE customer_id = ?', [customerId]);
    forgetCached(q, `${CLIPPED_LIVE_AREA}${customerId}`);
    forgetCached(q, `offers.clipped-ids:${customerId}`);
  }
}
