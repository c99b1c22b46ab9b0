import type { PromotionDefinition } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { cachedRead, forgetCached, forgetInTx } from '../../platform/db/tx-memo.js';
import { jsonArray, jsonSetRead, readJson, type JsonRead } from '../../platform/db/json-read.js';
import type { OfferRow } from '../offers/index.js';

export interface PromotionRow {
  id: string;
  name: string;
  status: 'live' | 'paused' | 'ended';
  starts_on: string;
  ends_on: string;
  campaign_id: string | null;
  definition: string;
  /** 'chain': created by head office's down-flow, which may rewrite it; 'store': the store's own (migration 021). */
  origin: 'store' | 'chain';
}

/** One promotion applied on one receipt (budgets and caps count them). */
export interface PromotionUse {
  promotionId: string;
  receiptId: string;
  customerId: string | null;
  discountMinor: number;
  points: number;
  at: string;
}

/** A clipped offer as the engine prices it (the offers domain's row). */
export type ClippedOfferRow = OfferRow;

/** The only place with SQL for promotions, their uses, grants, segments and offer redemption (offer_instances). */
/** Memo key of the campaigns map for one transaction; campaign writes forget it. */
export const CAMPAIGNS_MEMO = 'promotions.campaigns';
/** Cache area of offer redemption counts, per shopper (`offerUsage`); any redemption forgets the area. */
/**
 * Offers' redemptions and discount given, store-wide, by the offer list asked for (a shopper's
 * campaign arms decide which offers they are priced for: a handful of lists). Any redemption
 * forgets the whole area.
 */
const OFFER_TOTALS = 'promotions.offer-totals:';
/** Cache area of promotion use counts, per shopper (`usage`); any use forgets the area (totals count every shopper). */
const PROMOTION_USAGE = 'promotions.uses:';
/** Cache area of the promotions live on a day (`liveOn`); any promotion write forgets the area. */
const LIVE = 'promotions.live:';
/** A shopper's campaign arms (`campaign_assignments`), forgotten by the campaigns repository when it assigns. */
export const ARMS = 'promotions.arms:';

/** The offers the shopper redeemed, as one JSON read (platform/db/json-read.ts). */
export function redeemedOffersRead(customerId: string): JsonRead<ReadonlySet<string>> {
  return jsonSetRead(`promotions.redeemed:${customerId}`, "(SELECT json_group_array(offer_id) FROM offer_instances WHERE customer_id = ? AND state = 'redeemed')", [customerId]);
}

/** The segments the shopper is in, as one JSON read (platform/db/json-read.ts). */
export function segmentsRead(customerId: string): JsonRead<ReadonlySet<string>> {
  return jsonSetRead(`promotions.segments:${customerId}`, '(SELECT json_group_array(segment) FROM segment_members WHERE customer_id = ?)', [customerId]);
}

/** The arm the shopper was assigned in each campaign (campaign → arm), as one JSON read. */
export function armsRead(customerId: string): JsonRead<ReadonlyMap<string, 'treatment' | 'control'>> {
  return {
    key: `${ARMS}${customerId}`,
    sql: '(SELECT json_group_array(json_array(campaign_id, arm)) FROM campaign_assignments WHERE customer_id = ?)',
    params: [customerId],
    parse: (v) => new Map(jsonArray<[string, 'treatment' | 'control']>(v)),
  };
}

export class PromotionsRepository {
  async insert(q: Queryable, id: string, def: PromotionDefinition, at: string, origin: PromotionRow['origin'] = 'store') {
    forgetInTx(q, LIVE);
    await q.run('INSERT INTO promotions (id, name, status, starts_on, ends_on, campaign_id, definition, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id, def.name, 'live', def.conditions.startsOn, def.conditions.endsOn, def.campaignId ?? null, JSON.stringify(def), at, origin,
    ]);
    forgetCached(q, LIVE);
  }

  /** Replaces a promotion's definition (a chain promotion edited at head office); its uses stay. */
  async replaceDefinition(q: Queryable, id: string, def: PromotionDefinition) {
    forgetInTx(q, LIVE);
    await q.run('UPDATE promotions SET name = ?, starts_on = ?, ends_on = ?, campaign_id = ?, definition = ? WHERE id = ?', [
      def.name, def.conditions.startsOn, def.conditions.endsOn, def.campaignId ?? null, JSON.stringify(def), id,
    ]);
    forgetCached(q, LIVE);
  }

  byId(q: Queryable, id: string) {
    return q.get<PromotionRow>('SELECT * FROM promotions WHERE id = ?', [id]);
  }

  list(q: Queryable) {
    return q.all<PromotionRow>('SELECT * FROM promotions ORDER BY starts_on DESC, id');
  }

  async setStatus(q: Queryable, id: string, status: PromotionRow['status']) {
    forgetInTx(q, LIVE);
    const changed = (await q.run('UPDATE promotions SET status = ? WHERE id = ?', [status, id])).changes > 0;
    forgetCached(q, LIVE);
    return changed;
  }

  /** Promotions live on a store-local day (inclusive end day); kept between receipts (read-cache.ts). */
  liveOn(q: Queryable, day: string) {
    return cachedRead(q, `${LIVE}${day}`, () => q.all<PromotionRow>("SELECT * FROM promotions WHERE status = 'live' AND starts_on <= ? AND ends_on >= ? ORDER BY id", [day, day]));
  }

  /**
   * Uses per promotion: in total, by one customer, and discount money given. A shopper's counts
   * are kept for the list of promotions they were read for (the live ones change rarely); any
   * use forgets every shopper's, since totals count them all.
   */
  async usage(q: Queryable, ids: readonly string[], customerId: string | null): Promise<ReadonlyMap<string, { uses: number; customerUses: number; discountMinor: number }>> {
    if (!customerId || ids.length === 0) return this.readUsage(q, ids, customerId);
    const signature = ids.join(',');
    const cached = await cachedRead(q, `${PROMOTION_USAGE}${customerId}`, async () => ({ signature, usage: await this.readUsage(q, ids, customerId) }));
    if (cached.signature === signature) return cached.usage;
    return this.readUsage(q, ids, customerId);
  }

  private async readUsage(q: Queryable, ids: readonly string[], customerId: string | null) {
    const out = new Map<string, { uses: number; customerUses: number; discountMinor: number }>();
    if (ids.length === 0) return out;
    const marks = ids.map(() => '?').join(',');
    const rows = await q.all<{ promotion_id: string; uses: number; customer_uses: number; discount: number }>(
      `SELECT promotion_id, COUNT(*) AS uses, SUM(CASE WHEN customer_id = ? THEN 1 ELSE 0 END) AS customer_uses, SUM(discount_minor) AS discount
         FROM promotion_uses WHERE promotion_id IN (${marks}) GROUP BY promotion_id`,
      [customerId ?? '', ...ids],
    );
    for (const id of ids) out.set(id, { uses: 0, customerUses: 0, discountMinor: 0 });
    for (const r of rows) out.set(r.promotion_id, { uses: r.uses, customerUses: r.customer_uses, discountMinor: r.discount ?? 0 });
    return out;
  }

  /** A receipt's uses in one statement (a receipt with a dozen promotions is one round trip, not twelve). */
  async insertUses(q: Queryable, uses: readonly PromotionUse[]) {
    if (uses.length === 0) return;
    await q.run(
      `INSERT INTO promotion_uses (promotion_id, receipt_id, customer_id, discount_minor, points, at) VALUES ${uses.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      uses.flatMap((u) => [u.promotionId, u.receiptId, u.customerId, u.discountMinor, u.points, u.at]),
    );
    forgetCached(q, PROMOTION_USAGE);
  }

  segmentsOf(q: Queryable, customerId: string) {
    const read = segmentsRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read));
  }

  async replaceSegment(q: Queryable, segment: string, customerIds: readonly string[]) {
    forgetInTx(q, 'promotions.segments:');
    await q.run('DELETE FROM segment_members WHERE segment = ?', [segment]);
    for (const id of customerIds) await q.run('INSERT OR IGNORE INTO segment_members (segment, customer_id) VALUES (?, ?)', [segment, id]);
    forgetCached(q, 'promotions.segments:');
  }

  /** Unused grants valid on `day`, one per promotion (the oldest). */
  /** Unused grants valid on `day`, the oldest per promotion (the one a receipt consumes). */
  async openGrants(q: Queryable, customerId: string, day: string) {
    // All of the customer's unused grants, read once per transaction and filtered by day here:
    // a batch of history spans many days.
    const unused = await cachedRead(q, `promotions.grants:${customerId}`, () => q.all<{ id: number; promotion_id: string; valid_from: string; valid_to: string }>(
      'SELECT id, promotion_id, valid_from, valid_to FROM promotion_grants WHERE customer_id = ? AND used_receipt_id IS NULL ORDER BY id',
      [customerId],
    ));
    const oldest = new Map<string, { id: number; promotion_id: string }>();
    for (const g of unused) if (g.valid_from <= day && g.valid_to >= day && !oldest.has(g.promotion_id)) oldest.set(g.promotion_id, { id: g.id, promotion_id: g.promotion_id });
    return [...oldest.values()];
  }


  /** Idempotent by source key; returns whether a new grant was written. */
  /** Unused grants valid on `day`, with their promotion's name (the kiosk's My card lists them). */
  openGrantsWithNames(q: Queryable, customerId: string, day: string) {
    return q.all<{ source: string; valid_to: string; definition: string }>(
      `SELECT g.source, g.valid_to, p.definition FROM promotion_grants g JOIN promotions p ON p.id = g.promotion_id
        WHERE g.customer_id = ? AND g.used_receipt_id IS NULL AND g.valid_from <= ? AND g.valid_to >= ? AND p.status = 'live' ORDER BY g.valid_to, g.id`,
      [customerId, day, day],
    );
  }

  async insertGrant(q: Queryable, g: { promotionId: string; customerId: string; source: string; sourceKey: string; validFrom: string; validTo: string; at: string }) {
    forgetInTx(q, `promotions.grants:${g.customerId}`);
    const r = await q.run(
      'INSERT OR IGNORE INTO promotion_grants (promotion_id, customer_id, source, source_key, valid_from, valid_to, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [g.promotionId, g.customerId, g.source, g.sourceKey, g.validFrom, g.validTo, g.at],
    );
    forgetCached(q, `promotions.grants:${g.customerId}`);
    return r.changes > 0;
  }

  /** Erasure: target lists and unused grants name a person; used grants stay with their receipts. */
  async forgetCustomer(q: Queryable, customerId: string) {
    forgetInTx(q, 'promotions.');
    const segments = await q.run('DELETE FROM segment_members WHERE customer_id = ?', [customerId]);
    const grants = await q.run('DELETE FROM promotion_grants WHERE customer_id = ? AND used_receipt_id IS NULL', [customerId]);
    forgetCached(q, `promotions.segments:${customerId}`);
    forgetCached(q, `promotions.grants:${customerId}`);
    return segments.changes + grants.changes;
  }

  /** Deletes an unused grant by its source key; true when one was withdrawn. */
  async withdrawGrant(q: Queryable, sourceKey: string) {
    forgetInTx(q, 'promotions.grants:');
    const withdrawn = (await q.run('DELETE FROM promotion_grants WHERE source_key = ? AND used_receipt_id IS NULL', [sourceKey])).changes > 0;
    forgetCached(q, 'promotions.grants:'); // whose it was is not known here
    return withdrawn;
  }

  async useGrant(q: Queryable, grantId: number, receiptId: string) {
    forgetInTx(q, 'promotions.grants:');
    await q.run('UPDATE promotion_grants SET used_receipt_id = ? WHERE id = ? AND used_receipt_id IS NULL', [receiptId, grantId]);
    forgetCached(q, 'promotions.grants:'); // whose it was is not known here
  }

  /** Offers this customer has already redeemed (a clipped offer applies once). */
  redeemedOfferIds(q: Queryable, customerId: string) {
    const read = redeemedOffersRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read));
  }

  async markOfferRedeemed(q: Queryable, r: { offerId: string; customerId: string; campaignId: string | null; receiptId: string; at: string; discountMinor: number; points: number }) {
    forgetInTx(q, `promotions.redeemed:${r.customerId}`);
    await q.run(
      `INSERT INTO offer_instances (offer_id, customer_id, campaign_id, state, issued_at, redeemed_at, receipt_id, discount_minor, points)
       VALUES (?, ?, ?, 'redeemed', ?, ?, ?, ?, ?)
       ON CONFLICT(offer_id, customer_id) DO UPDATE SET state = 'redeemed', redeemed_at = excluded.redeemed_at,
         receipt_id = excluded.receipt_id, discount_minor = excluded.discount_minor, points = excluded.points`,
      [r.offerId, r.customerId, r.campaignId, r.at, r.at, r.receiptId, r.discountMinor, r.points],
    );
    forgetInTx(q, OFFER_TOTALS);
    forgetCached(q, OFFER_TOTALS); // an offer's total uses count every shopper's redemptions
    forgetCached(q, `promotions.redeemed:${r.customerId}`);
  }

  /**
   * Redemptions of offers (offer_instances): in total, by one customer (0 or 1: one instance per
   * offer and shopper), and discount money given — an offer's caps and budget count them as a
   * promotion's count `promotion_uses`. The totals are the store's, kept in the read cache until
   * the next redemption; the shopper's own are their redeemed offers (in a scan's prefetch).
   */
  async offerUsage(q: Queryable, offerIds: readonly string[], customerId: string | null): Promise<ReadonlyMap<string, { uses: number; customerUses: number; discountMinor: number }>> {
    const [totals, mine] = await Promise.all([this.offerTotals(q, offerIds), customerId ? this.redeemedOfferIds(q, customerId) : new Set<string>()]);
    return new Map(offerIds.map((id) => {
      const t = totals.get(id);
      return [id, { uses: t?.uses ?? 0, customerUses: mine.has(id) ? 1 : 0, discountMinor: t?.discountMinor ?? 0 }];
    }));
  }

  private offerTotals(q: Queryable, offerIds: readonly string[]) {
    return cachedRead(q, `${OFFER_TOTALS}${offerIds.join(',')}`, () => this.readOfferTotals(q, offerIds));
  }

  private async readOfferTotals(q: Queryable, offerIds: readonly string[]) {
    const out = new Map<string, { uses: number; discountMinor: number }>();
    for (let i = 0; i < offerIds.length; i += 500) {
      const chunk = offerIds.slice(i, i + 500);
      const rows = await q.all<{ offer_id: string; uses: number; discount: number | null }>(
        `SELECT offer_id, COUNT(*) AS uses, SUM(discount_minor) AS discount
           FROM offer_instances WHERE state = 'redeemed' AND offer_id IN (${chunk.map(() => '?').join(',')}) GROUP BY offer_id`,
        chunk,
      );
      for (const r of rows) out.set(r.offer_id, { uses: r.uses, discountMinor: r.discount ?? 0 });
    }
    return out;
  }

  /** The arms this shopper was assigned (campaign → arm): kept even when a campaign's holdout share changes later. */
  assignedArms(q: Queryable, customerId: string) {
    const read = armsRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read));
  }

  campaignsById(q: Queryable) {
    return cachedRead(q, CAMPAIGNS_MEMO, () => q.all<{ id: string; holdout_pct: number; priority: number; status: string; starts_on: string; ends_on: string }>('SELECT id, holdout_pct, priority, status, starts_on, ends_on FROM campaigns').then(
      (rows) => new Map(rows.map((r) => [r.id, r])),
    ));
  }
}
