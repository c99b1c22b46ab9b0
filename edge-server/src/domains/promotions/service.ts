import type { CreatePromotionRequest, Promotion, PromotionDefinition } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { newId, nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, FIRST_ACCEPTED_DAY, isAcceptedLocalDate, LAST_ACCEPTED_DAY, localDateOf } from '../../shared/calendar.js';
import { assignedArm } from './campaigns/holdout.js';
import { discountOf, type AppliedPromotion, type EngineContext, type EnginePromotion } from './engine.js';
import { eligibility, minuteOf } from './eligibility.js';
import { contradictionOf, productsOfRule } from './rules.js';
import { armsRead, redeemedOffersRead, segmentsRead, type ClippedOfferRow, type PromotionRow, type PromotionsRepository, type PromotionUse } from './repository.js';
import type { JsonRead } from '../../platform/db/json-read.js';
import type { Catalog } from '../catalog/index.js';
import type { CustomersService } from '../customers/index.js';
import type { LiveOffer, OfferPrice, OfferRow, OffersService } from '../offers/index.js';

/** Everything the engine needs for one receipt, read inside the receipt's transaction. */
export interface ReceiptPromotionContext {
  promotions: EnginePromotion[];
  unlocked: Set<string>;
  segments: ReadonlySet<string>;
  armOf(campaignId: string): 'treatment' | 'control';
  /** promotion id → grant consumed when it applies. */
  grantIds: Map<string, number>;
  /** engine id (offer:<id>) → the clipped offer it stands for. */
  offers: Map<string, ClippedOfferRow>;
  /** A live promotion has a cumulative rule: checkout reads the shopper's lifetime spend. */
  needsLifetimeSpend: boolean;
}

export const OFFER_PREFIX = 'offer:';

/** Customer ids checked at once when a segment is replaced. */
const SEGMENT_CHECK_CHUNK = 200;

/**
 * A live offer as the engine sees it: a one-use (per shopper) discount on its product, with the
 * offer's rules — segment, tiers, total uses, money budget — and its redemptions so far. The
 * till prices a clipped offer with it, and the kiosk asks `eligibility` of the same object.
 */
function offerAsPromotion(o: OfferRow, customerId: string, usage: EnginePromotion['usage']): EnginePromotion {
  const tierIds = o.tier_ids ? (JSON.parse(o.tier_ids) as string[]) : undefined;
  const def: PromotionDefinition = {
    name: `Offer ${o.id}`,
    discount: { type: o.discount_kind, value: o.discount_value },
    target: { scope: 'product', productIds: [o.product_id] },
    audience: o.segment ? { type: 'segment', segment: o.segment } : { type: 'customer', customerId },
    conditions: { startsOn: o.starts_on, endsOn: o.ends_on, ...(tierIds ? { tierIds } : {}) },
    stacking: 'stackable',
    limits: { maxUsesPerCustomer: 1, ...(o.max_uses !== null ? { maxUses: o.max_uses } : {}), ...(o.budget_minor !== null ? { budgetMinor: o.budget_minor } : {}) },
    ...(o.campaign_id ? { campaignId: o.campaign_id } : {}),
  };
  return { id: `${OFFER_PREFIX}${o.id}`, def, usage };
}

/** Definitions parsed once per list of live rows (the read cache shares one list between receipts; nobody mutates it). */
const parsedDefs = new WeakMap<readonly PromotionRow[], Array<{ id: string; def: PromotionDefinition }>>();
function definitionsOf(rows: readonly PromotionRow[]) {
  let defs = parsedDefs.get(rows);
  if (!defs) parsedDefs.set(rows, (defs = rows.map((r) => ({ id: r.id, def: JSON.parse(r.definition) as PromotionDefinition }))));
  return defs;
}

/** The definitions of the rows whose campaign, if any, is live (in the rows' order). */
function liveDefinitions(rows: readonly PromotionRow[], campaigns: ReadonlyMap<string, { status: string }>) {
  return definitionsOf(rows).filter((_, i) => { const r = rows[i]!; return !r.campaign_id || campaigns.get(r.campaign_id)?.status === 'live'; });
}

function hasLimits(def: PromotionDefinition): boolean {
  const l = def.limits;
  return l.maxUses !== undefined || l.maxUsesPerCustomer !== undefined || l.budgetMinor !== undefined;
}

/** Promotions: their definitions and limits, and the receipt-time read and write steps. */
export class PromotionsService {
  constructor(
    private readonly db: Database,
    private readonly repo: PromotionsRepository,
    private readonly deps: {
      /** The store's IANA time zone (its today). */
      timeZone: string;
      catalog: Pick<Catalog, 'exists'>;
      customers: Pick<CustomersService, 'isActive'>;
      offers: Pick<OffersService, 'clippedLiveIn'>;
      /** The shopper's tier on a day and the money value of a point (loyalty), for offers shown at the kiosk. */
      shopper: { tierOf(q: Queryable, customerId: string, day: string): Promise<string | null>; pointValueMinor(q: Queryable): Promise<number> };
    },
  ) {}

  /** The reads of this shopper's rows a scan makes, to be made as one statement (platform/db/json-read.ts). */
  shopperReads(customerId: string): Array<JsonRead<unknown>> {
    return [segmentsRead(customerId), armsRead(customerId), redeemedOffersRead(customerId)];
  }

  /** The store's today (store time zone); campaign sweeps refuse later days. */
  today(at: Date = new Date()): string {
    return localDateOf(this.deps.timeZone, at);
  }

  /** A promotion's stored row, read in the caller's transaction (codes check theirs). */
  row(q: Queryable, id: string) {
    return this.repo.byId(q, id);
  }

  /** Uses per promotion, in total and by one customer (budgets and caps). */
  usage(q: Queryable, ids: readonly string[], customerId: string | null) {
    return this.repo.usage(q, ids, customerId);
  }

  async create(req: CreatePromotionRequest): Promise<Promotion> {
    const { id: given, ...def } = req;
    await this.checkDefinition(def);
    const id = given ?? newId('promo');
    await this.db.transaction(async (tx) => {
      if (await this.repo.byId(tx, id)) throw new VitrinaError('VITRINA_ERR_CONFLICT', `Promotion "${id}" exists.`);
      await this.checkReferences(tx, id, def);
      await this.repo.insert(tx, id, def as PromotionDefinition, nowIso());
    });
    return this.get(id);
  }

  /**
   * A chain promotion as head office last published it (usecases/chain-sync): created the first
   * time, its definition and status replaced afterwards, in one transaction. A store's own
   * promotion with the same id is never touched (VITRINA_ERR_CONFLICT). Uses already counted stay.
   */
  async upsertFromChain(id: string, def: PromotionDefinition, status: PromotionRow['status']): Promise<'created' | 'updated'> {
    await this.checkDefinition(def);
    return this.db.transaction(async (tx) => {
      const row = await this.repo.byId(tx, id);
      if (row && row.origin !== 'chain') throw new VitrinaError('VITRINA_ERR_CONFLICT', `Promotion "${id}" is the store's own; head office does not change it.`);
      await this.checkReferences(tx, id, def);
      if (row) await this.repo.replaceDefinition(tx, id, def);
      else await this.repo.insert(tx, id, def, nowIso(), 'chain');
      await this.repo.setStatus(tx, id, status);
      return row ? 'updated' : 'created';
    });
  }

  /** What a definition must be on its own: a real period, a percent ≤ 100, a known shopper, a non-empty time window, a rule without contradictions. */
  private async checkDefinition(def: PromotionDefinition) {
    const c = def.conditions;
    if (!isAcceptedLocalDate(c.startsOn) || !isAcceptedLocalDate(c.endsOn) || c.startsOn > c.endsOn) {
      throw new VitrinaError('VITRINA_ERR_VALIDATION', `The period must be real days from ${FIRST_ACCEPTED_DAY} to ${LAST_ACCEPTED_DAY}, with start ≤ end.`);
    }
    if (def.discount.type === 'percent' && def.discount.value > 100) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'A percent discount is at most 100.');
    if (def.audience.type === 'customer' && !(await this.deps.customers.isActive(def.audience.customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    if (c.timeWindow && minuteOf(c.timeWindow.from) === minuteOf(c.timeWindow.to)) {
      throw new VitrinaError('VITRINA_ERR_PROMOTION_CONTRADICTORY', 'A time window needs from ≠ to (from > to is an overnight window).', [{ path: '/conditions/timeWindow', message: 'empty window' }]);
    }
    if (def.rule) {
      const why = contradictionOf(def.rule, c.excludeProductIds ?? []);
      if (why) throw new VitrinaError('VITRINA_ERR_PROMOTION_CONTRADICTORY', why, [{ path: '/rule', message: why }]);
    }
  }

  /** What a definition names must exist in the store: its products, a coupon's promotion, its campaign. */
  private async checkReferences(tx: Queryable, id: string, def: PromotionDefinition) {
    const c = def.conditions;
    const productIds = [...(def.target.scope === 'product' ? def.target.productIds : []), ...(c.minQuantity ? [c.minQuantity.productId] : []), ...(def.rule ? productsOfRule(def.rule) : [])];
    if (def.rule?.kind === 'coupon' && (def.rule.promotionId === id || !(await this.repo.byId(tx, def.rule.promotionId)))) {
      throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `A coupon grants another existing promotion; "${def.rule.promotionId}" is not one.`);
    }
    for (const p of productIds) if (!(await this.deps.catalog.exists(tx, p))) throw new VitrinaError('VITRINA_ERR_PRODUCT_UNKNOWN', `Unknown product "${p}".`);
    if (def.campaignId && !(await this.repo.campaignsById(tx)).has(def.campaignId)) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No campaign "${def.campaignId}".`);
  }

  async get(id: string): Promise<Promotion> {
    const row = await this.repo.byId(this.db, id);
    if (!row) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No promotion "${id}".`);
    return this.view(this.db, row);
  }

  async list(): Promise<Promotion[]> {
    const rows = await this.repo.list(this.db);
    return Promise.all(rows.map((r) => this.view(this.db, r)));
  }

  async setStatus(id: string, status: PromotionRow['status']) {
    if (!(await this.db.transaction((tx) => this.repo.setStatus(tx, id, status)))) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No promotion "${id}".`);
    return this.get(id);
  }

  /**
   * Replaces a segment's members. Every id must be an active customer: one unknown or erased id
   * refuses the whole list (VITRINA_ERR_CUSTOMER_UNKNOWN) and the segment stays as it was.
   */
  async replaceSegment(segment: string, customerIds: string[]) {
    const ids = [...new Set(customerIds)];
    for (let i = 0; i < ids.length; i += SEGMENT_CHECK_CHUNK) {
      const chunk = ids.slice(i, i + SEGMENT_CHECK_CHUNK);
      const active = await Promise.all(chunk.map((id) => this.deps.customers.isActive(id)));
      const unknown = chunk.find((_, j) => !active[j]);
      if (unknown !== undefined) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN', `No customer "${unknown}"; the segment was not changed.`);
    }
    try {
      await this.db.transaction((tx) => this.repo.replaceSegment(tx, segment, ids));
    } catch (err) {
      // Backstop: an id with no customer row fails the foreign key, and the transaction rolls back.
      if (String(err).includes('FOREIGN KEY')) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN', 'The list has an unknown customer id; the segment was not changed.');
      throw err;
    }
    return { segment, members: ids.length };
  }

  /** Grants a promotion to one customer (personal offer, claimed code, birthday). Idempotent by key. */
  grantIn(tx: Queryable, g: { promotionId: string; customerId: string; source: string; sourceKey: string; validFrom: string; validTo: string }) {
    return this.repo.insertGrant(tx, { ...g, at: nowIso() });
  }

  /** Named segments a customer belongs to (a code's audience check). */
  segmentsOf(q: Queryable, customerId: string) {
    return this.repo.segmentsOf(q, customerId);
  }

  /** What is waiting on a shopper's card: unused grants valid today, by name (kiosk My card). */
  async openGrantsOf(customerId: string, day: string) {
    const rows = await this.repo.openGrantsWithNames(this.db, customerId, day);
    return rows.map((r) => {
      const def = JSON.parse(r.definition) as PromotionDefinition;
      return { name: def.name, source: r.source, validTo: r.valid_to, discount: def.discount };
    });
  }

  /**
   * Stores a promotion the system itself makes inside the caller's transaction (a points
   * voucher: its ledger entry and the promotion commit together). No staff checks: the caller built the definition.
   */
  async insertIn(tx: Queryable, def: PromotionDefinition): Promise<string> {
    const id = newId('promo');
    await this.repo.insert(tx, id, def, nowIso());
    return id;
  }

  /** Campaigns by id (status, period, holdout); read once per transaction. */
  /** The arms this shopper was assigned (campaigns read them before the holdout rule). */
  assignedArms(q: Queryable, customerId: string) {
    return this.repo.assignedArms(q, customerId);
  }

  campaignsById(q: Queryable) {
    return this.repo.campaignsById(q);
  }

  /** Erasure: the customer leaves every segment; grants never used are withdrawn. */
  forgetCustomerIn(tx: Queryable, customerId: string) {
    return this.repo.forgetCustomer(tx, customerId);
  }

  /**
   * What `context` reads for a receipt — live promotions, campaigns, their uses; the shopper's
   * segments, grants, redeemed offers, arms and clipped offers (the offers domain's) — loaded into
   * the database's cache on the reader ahead of the receipt's transaction, which then reads them
   * from memory (tx-memo.ts).
   */
  async readAhead(customerId: string | null, day: string): Promise<void> {
    const q = this.db;
    const [rows, campaigns] = await Promise.all([this.repo.liveOn(q, day), this.repo.campaignsById(q)]);
    await Promise.all([
      this.repo.usage(q, liveDefinitions(rows, campaigns).filter((d) => hasLimits(d.def)).map((d) => d.id), customerId),
      ...(customerId ? [this.repo.segmentsOf(q, customerId), this.repo.openGrants(q, customerId, day), this.repo.redeemedOfferIds(q, customerId), this.repo.assignedArms(q, customerId), this.deps.offers.clippedLiveIn(q, customerId, day)] : []),
    ]);
  }

  async context(tx: Queryable, customerId: string | null, day: string, presented: ReadonlySet<string>): Promise<ReceiptPromotionContext> {
    const rows = await this.repo.liveOn(tx, day);
    const campaigns = await this.repo.campaignsById(tx);
    // Uses are counted only for promotions with a limit: counting every use of every live
    // promotion at every receipt grows with the store's history and nothing reads it.
    const defs = liveDefinitions(rows, campaigns);
    const usage = await this.repo.usage(tx, defs.filter((d) => hasLimits(d.def)).map((d) => d.id), customerId);
    const promotions: EnginePromotion[] = defs.map((d) => ({ ...d, usage: usage.get(d.id) ?? { uses: 0, customerUses: 0, discountMinor: 0 } }));
    const unlocked = new Set(presented);
    const grantIds = new Map<string, number>();
    const offers = new Map<string, ClippedOfferRow>();
    let segments: ReadonlySet<string> = new Set<string>();
    if (customerId) {
      segments = await this.repo.segmentsOf(tx, customerId);
      for (const g of await this.repo.openGrants(tx, customerId, day)) {
        unlocked.add(g.promotion_id);
        grantIds.set(g.promotion_id, g.id);
      }
      const [clipped, redeemed] = await Promise.all([this.deps.offers.clippedLiveIn(tx, customerId, day), this.repo.redeemedOfferIds(tx, customerId)]);
      const open = clipped.filter((c) => !redeemed.has(c.id));
      const offerUsage = await this.repo.offerUsage(tx, open.map((o) => o.id), customerId);
      for (const o of open) {
        const p = offerAsPromotion(o, customerId, offerUsage.get(o.id)!);
        promotions.push(p);
        offers.set(p.id, o);
      }
    }
    const assigned = customerId ? await this.repo.assignedArms(tx, customerId) : new Map<string, 'treatment' | 'control'>();
    const armOf = (campaignId: string) => {
      const c = campaigns.get(campaignId);
      return c && customerId ? assignedArm(assigned, campaignId, customerId, c.holdout_pct) : 'treatment';
    };
    const needsLifetimeSpend = promotions.some((p) => p.def.rule?.kind === 'cumulative');
    return { promotions, unlocked, segments, armOf, grantIds, offers, needsLifetimeSpend };
  }

  /**
   * Which of these live offers this shopper may have today, by the till's own rule
   * (`eligibility`: period, holdout, segment, tier, total uses, the shopper's one use, budget),
   * and what one unit costs with each, by the till's own arithmetic (`discountOf`, a budget's
   * last use capped to what is left). The kiosk has no basket yet, so minimum-basket conditions
   * wait for the till. Ineligible offers are absent from the answer.
   */
  async offersFor(customerId: string, day: string, offers: readonly LiveOffer[]): Promise<Map<string, OfferPrice>> {
    const out = new Map<string, OfferPrice>();
    if (offers.length === 0) return out;
    const q = this.db;
    const [segments, campaigns, tierId, pointValueMinor, usage, assigned] = await Promise.all([
      this.repo.segmentsOf(q, customerId), this.repo.campaignsById(q), this.deps.shopper.tierOf(q, customerId, day),
      this.deps.shopper.pointValueMinor(q), this.repo.offerUsage(q, offers.map((o) => o.id), customerId), this.repo.assignedArms(q, customerId),
    ]);
    const ctx: EngineContext = {
      customerId, tierId, segments, localDate: day, unlocked: new Set(), pointValueMinor,
      armOf: (campaignId) => { const c = campaigns.get(campaignId); return c ? assignedArm(assigned, campaignId, customerId, c.holdout_pct) : 'treatment'; },
    };
    for (const o of offers) {
      const p = offerAsPromotion(o, customerId, usage.get(o.id)!);
      if (eligibility(p, ctx) !== null) continue;
      out.set(o.id, priceOne(p, o.product, pointValueMinor));
    }
    return out;
  }

  /**
   * Withdraws an unused grant by its source key (a reward's voucher reversed); answers whether
   * one was withdrawn. A grant already used on a receipt stays.
   */
  withdrawGrantIn(tx: Queryable, sourceKey: string) {
    return this.repo.withdrawGrant(tx, sourceKey);
  }

  /**
   * Records what applied: uses (budgets and caps count them), grants consumed, offers redeemed,
   * and the next-order coupons the receipt issues (a grant from the next store day for
   * `validDays` days; only to a known shopper). Answers the coupons issued.
   */
  async commit(tx: Queryable, ctx: ReceiptPromotionContext, r: { receiptId: string; customerId: string | null; at: string; day?: string; applied: readonly AppliedPromotion[]; pointsOf: (a: AppliedPromotion) => number }) {
    const coupons: Array<{ promotionId: string; validFrom: string; validTo: string }> = [];
    const uses: PromotionUse[] = [];
    for (const a of r.applied) {
      if (a.coupon && r.customerId && r.day) {
        const validFrom = addDays(r.day, 1);
        const validTo = addDays(r.day, a.coupon.validDays);
        await this.repo.insertGrant(tx, { promotionId: a.coupon.promotionId, customerId: r.customerId, source: 'coupon', sourceKey: `coupon:${r.receiptId}:${a.promotionId}`, validFrom, validTo, at: r.at });
        coupons.push({ promotionId: a.coupon.promotionId, validFrom, validTo });
      }
      const offer = ctx.offers.get(a.promotionId);
      if (offer) {
        if (r.customerId) await this.repo.markOfferRedeemed(tx, { offerId: offer.id, customerId: r.customerId, campaignId: offer.campaign_id, receiptId: r.receiptId, at: r.at, discountMinor: a.discountMinor, points: r.pointsOf(a) });
        continue;
      }
      uses.push({ promotionId: a.promotionId, receiptId: r.receiptId, customerId: r.customerId, discountMinor: a.discountMinor, points: r.pointsOf(a), at: r.at });
      const grant = ctx.grantIds.get(a.promotionId);
      if (grant !== undefined) await this.repo.useGrant(tx, grant, r.receiptId);
    }
    await this.repo.insertUses(tx, uses);
    return coupons;
  }

  private async view(q: Queryable, row: PromotionRow): Promise<Promotion> {
    const usage = (await this.repo.usage(q, [row.id], null)).get(row.id)!;
    return { id: row.id, status: row.status, definition: JSON.parse(row.definition) as PromotionDefinition, usage: { uses: usage.uses, discountMinor: usage.discountMinor } };
  }
}

/**
 * One unit of the offer's product priced by the engine's own `discountOf`: the price with the
 * discount (exact minor units), the bonus points, and the offer's worth to the shopper (money
 * off + points at their money value), which decides the best offer on a product.
 */
function priceOne(p: EnginePromotion, product: LiveOffer['product'], pointValueMinor: number): OfferPrice {
  const price = product.price_minor;
  if (price === null) {
    // No shelf price: no money arithmetic; a points offer is still worth its points.
    const points = p.def.discount.type === 'points' ? p.def.discount.value : 0;
    return { offerPriceMinor: null, bonusPoints: points, valueMinor: points * pointValueMinor };
  }
  const line = { productId: product.id, category: product.category, department: product.department, quantity: 1, netMinor: price };
  const a = discountOf(p, [line], [price]);
  const off = a?.discountMinor ?? 0;
  const points = a?.points ?? 0;
  return { offerPriceMinor: price - off, bonusPoints: points, valueMinor: off + points * pointValueMinor };
}
