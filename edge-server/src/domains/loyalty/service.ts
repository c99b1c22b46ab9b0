import type { EarnRuleConfig, ExpirePointsResult, LoyaltySettings, PointsBalance, PointsMovementResult, SweepRequest, TierConfig } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, isLocalDate, isLocalDateNear, localDateOf } from '../../shared/calendar.js';
import { expiringWithin, replay, type PointsState } from './ledger.js';
import type { LoyaltyRepository, NewLedgerEntry } from './repository.js';
import { tierStatus, type DaySpend, type Tier, type TierStatus } from './tiers.js';
import type { CustomersService } from '../customers/index.js';
import type { JsonRead } from '../../platform/db/json-read.js';

/** What the kiosk greeting needs from the loyalty program. */
export interface LoyaltySummary {
  pointsBalance: number;
  pointsExpiring: { points: number; by: string } | null;
  tier: { name: string; next: { name: string; remainingSpendMinor: number } | null };
}
export interface LoyaltyReader {
  summaryOf(customerId: string): Promise<LoyaltySummary>;
}

/** Window for "points expiring soon" on the kiosk. */
export const EXPIRING_SOON_DAYS = 30;

/** How far from the store's today a caller-pinned `today` may be. */
export const TODAY_RANGE_YEARS = 5;

/**
 * The points program: derived balances and tiers, and every ledger write. Writes always run
 * inside `db.transaction` (one serialized writer), and check the balance inside it, so two
 * concurrent redemptions can never both pass a check that only one of them fits.
 */
export class LoyaltyService implements LoyaltyReader {
  constructor(
    private readonly db: Database,
    private readonly repo: LoyaltyRepository,
    private readonly timeZone: string,
    private readonly deps: {
      customers: Pick<CustomersService, 'isActive'>;
      /** Net spend per store-local day, from the purchases domain (tiers are earned by spend). */
      spendsByDay(q: Queryable, customerId: string): Promise<DaySpend[]>;
    },
  ) {}

  /** The reads of this shopper's rows a scan makes, to be made as one statement (platform/db/json-read.ts). */
  shopperReads(customerId: string): Array<JsonRead<unknown>> {
    return [this.repo.entriesRead(customerId)];
  }

  private customerExists(id: string) {
    return this.deps.customers.isActive(id);
  }

  today(at: string | Date = new Date()) {
    return localDateOf(this.timeZone, at);
  }

  settings(q: Queryable = this.db) {
    return this.repo.settings(q);
  }

  async stateAt(q: Queryable, customerId: string, day: string): Promise<PointsState> {
    return replay(await this.repo.entries(q, customerId), day);
  }

  async tierAt(q: Queryable, customerId: string, day: string): Promise<TierStatus> {
    const [settings, tiers, spends] = await Promise.all([this.repo.settings(q), this.repo.tiers(q), this.deps.spendsByDay(q, customerId)]);
    // Inside a transaction the spends may be the transaction's own, updated in place by its
    // receipts: computed afresh. The committed rows from the read cache are never mutated.
    if (q.afterCommit && !q.cache?.isShared(spends)) return tierStatus(tiers, spends, day, settings.tierWindowDays, settings.tierReviewMonthDay);
    // Outside one, the same cached rows give the same status: computed once per day for them
    // (the scan asks twice, for the greeting and for tier-restricted offers).
    let byInputs = this.tierMemo.get(spends);
    if (!byInputs || byInputs.tiers !== tiers || byInputs.settings !== settings) this.tierMemo.set(spends, (byInputs = { tiers, settings, byDay: new Map() }));
    let status = byInputs.byDay.get(day);
    if (!status) {
      status = tierStatus(tiers, spends, day, settings.tierWindowDays, settings.tierReviewMonthDay);
      if (byInputs.byDay.size >= 8) byInputs.byDay.clear();
      byInputs.byDay.set(day, status);
    }
    return status;
  }

  /**
   * What a receipt's pricing and earning read — settings, tiers, earn rules, the shopper's ledger
   * and spends — loaded into the database's cache on the reader, computing nothing: the receipt's
   * transaction then reads them from memory (platform/db/tx-memo.ts `cachedRead`).
   */
  async readAhead(customerId: string | null): Promise<void> {
    const q = this.db;
    await Promise.all([
      this.repo.settings(q).then((s) => this.repo.earnRules(q, s, 100)), this.repo.tiers(q),
      ...(customerId ? [this.repo.entries(q, customerId), this.deps.spendsByDay(q, customerId)] : []),
    ]);
  }

  /** Tier statuses by the (cached, never mutated) rows they were computed from; gone with those rows. */
  private readonly tierMemo = new WeakMap<readonly DaySpend[], { tiers: readonly Tier[]; settings: LoyaltySettings; byDay: Map<string, TierStatus> }>();

  /** The earn rules in force for a shopper of this tier (receipts price their points with them). */
  earnRules(q: Queryable, settings: LoyaltySettings, tierMultiplierPct: number) {
    return this.repo.earnRules(q, settings, tierMultiplierPct);
  }

  /** The earn entry of a receipt: the lot a refund of that receipt reverses. */
  earnLotOfReceipt(q: Queryable, receiptId: string) {
    return this.repo.earnOfReceipt(q, receiptId);
  }

  async summaryOf(customerId: string): Promise<LoyaltySummary> {
    const b = await this.balance(customerId);
    const last = b.expiring.byDate.at(-1);
    return {
      pointsBalance: b.balance,
      pointsExpiring: b.expiring.points > 0 && last ? { points: b.expiring.points, by: last.date } : null,
      tier: { name: b.tier.name, next: b.tier.next ? { name: b.tier.next.name, remainingSpendMinor: b.tier.next.remainingSpendMinor } : null },
    };
  }

  async balance(customerId: string, opts: { today?: string; withinDays?: number } = {}): Promise<PointsBalance> {
    if (!(await this.customerExists(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const today = opts.today ?? this.today();
    this.checkPinnedToday(today);
    const within = opts.withinDays ?? EXPIRING_SOON_DAYS;
    const [state, tier] = await Promise.all([this.stateAt(this.db, customerId, today), this.tierAt(this.db, customerId, today)]);
    return {
      customerId,
      balance: state.balance,
      pending: state.pending,
      expiring: { withinDays: within, ...expiringWithin(state, today, addDays(today, within - 1)) },
      tier: {
        id: tier.tier.id, name: tier.tier.name, windowSpendMinor: tier.windowSpendMinor, reviewOn: tier.reviewOn,
        next: tier.next ? { id: tier.next.tier.id, name: tier.next.tier.name, remainingSpendMinor: tier.next.remainingSpendMinor } : null,
      },
    };
  }

  async history(customerId: string) {
    if (!(await this.customerExists(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return (await this.repo.entries(this.db, customerId)).map((e) => ({
      id: e.id, kind: e.kind, points: e.points, at: e.at, localDate: e.localDate, availableOn: e.availableOn, expiresOn: e.expiresOn, receiptId: e.receiptId, idempotencyKey: e.idempotencyKey,
    }));
  }

  /** Spends points (kiosk reward, till tender) — refused beyond the spendable balance. */
  async redeem(customerId: string, points: number, idempotencyKey: string, at = nowIso()): Promise<PointsMovementResult> {
    if (!(await this.customerExists(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return this.db.transaction((tx) => this.redeemIn(tx, { customerId, points, idempotencyKey: `redeem:${idempotencyKey}`, at }));
  }

  /** The redemption step inside a caller's transaction (receipts use it for points tender). */
  async redeemIn(tx: Queryable, e: { customerId: string; points: number; idempotencyKey: string; at: string; receiptId?: string }): Promise<PointsMovementResult> {
    const day = this.today(e.at);
    const prior = await this.repo.byKey(tx, e.idempotencyKey);
    if (prior) return this.replayed(tx, prior, e.customerId, -e.points, day);
    const state = await this.stateAt(tx, e.customerId, day);
    if (state.balance < e.points) throw new VitrinaError('VITRINA_ERR_INSUFFICIENT_POINTS', `Only ${Math.max(0, state.balance)} points can be spent.`);
    const entryId = await this.repo.insert(tx, { customerId: e.customerId, kind: 'redeem', points: -e.points, idempotencyKey: e.idempotencyKey, at: e.at, receiptId: e.receiptId ?? null });
    return { entryId, points: -e.points, balanceAfter: state.balance - e.points };
  }

  /** A staff correction. A negative adjustment cannot take the balance below zero. */
  async adjust(customerId: string, points: number, idempotencyKey: string, reason: string, at = nowIso()): Promise<PointsMovementResult> {
    if (!(await this.customerExists(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const key = `adjust:${idempotencyKey}`;
    return this.db.transaction(async (tx) => {
      const day = this.today(at);
      const prior = await this.repo.byKey(tx, key);
      if (prior) return this.replayed(tx, prior, customerId, points, day);
      const state = await this.stateAt(tx, customerId, day);
      if (points < 0 && state.balance + points < 0) throw new VitrinaError('VITRINA_ERR_INSUFFICIENT_POINTS');
      const settings = await this.repo.settings(tx);
      const entry: NewLedgerEntry = { customerId, kind: 'adjust', points, idempotencyKey: key, at, note: reason };
      if (points > 0) entry.expiresOn = addDays(day, settings.validityDays);
      const entryId = await this.repo.insert(tx, entry);
      return { entryId, points, balanceAfter: state.balance + points };
    });
  }

  /** Awards points earned on a receipt day: pending for `pendingDays`, valid for `validityDays`. */
  async awardIn(tx: Queryable, e: { customerId: string; kind: 'earn' | 'restore'; points: number; idempotencyKey: string; at: string; receiptId?: string | null; note?: string }) {
    if (e.points <= 0) return null;
    const settings = await this.repo.settings(tx);
    const day = this.today(e.at);
    return this.repo.insert(tx, {
      ...e,
      availableOn: e.kind === 'earn' ? addDays(day, settings.pendingDays) : day,
      expiresOn: addDays(day, settings.validityDays),
    });
  }

  /** Takes back points awarded on a receipt (refund); beyond what is left it becomes a debt. */
  async reverseIn(tx: Queryable, e: { customerId: string; points: number; idempotencyKey: string; at: string; receiptId: string; lotId: number | null }) {
    if (e.points <= 0) return null;
    return this.repo.insert(tx, { customerId: e.customerId, kind: 'reverse', points: -e.points, idempotencyKey: e.idempotencyKey, at: e.at, receiptId: e.receiptId, lotId: e.lotId });
  }

  /**
   * Writes `expire` entries for every lot lapsed by `today` (idempotent per lot). The ledger is
   * append-only, so this cannot be undone: `today` may not be after the store's today (a later
   * day would expire points that are still valid), `dryRun` only counts what would expire, and
   * a run asked for over HTTP must `confirm`. Housekeeping calls it with its own today and no
   * `mode`, which is a confirmed run.
   */
  async expireSweep(today = this.today(), mode: Omit<SweepRequest, 'today'> = { confirm: true }): Promise<ExpirePointsResult> {
    const storeToday = this.today();
    if (!isLocalDateNear(today, storeToday, TODAY_RANGE_YEARS)) throw new VitrinaError('VITRINA_ERR_VALIDATION', `today must be a real day within ${TODAY_RANGE_YEARS} years of ${storeToday}.`);
    if (today > storeToday) throw new VitrinaError('VITRINA_ERR_VALIDATION', `today (${today}) is after the store's today (${storeToday}): points cannot be expired ahead of time.`);
    const dryRun = mode.dryRun === true;
    if (!dryRun && mode.confirm !== true) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Expiring points cannot be undone: send dryRun: true to preview, or confirm: true to run.');
    let points = 0;
    let customers = 0;
    let lots = 0;
    for (const customerId of await this.repo.customersWithPoints(this.db)) {
      const sweep = async (q: Queryable) => {
        const state = await this.stateAt(q, customerId, today);
        const out = { points: 0, lots: 0 };
        for (const lot of state.lapsed) {
          const key = `expire:${lot.id}`;
          if (await this.repo.byKey(q, key)) continue;
          // Dated at the start of the day after the last valid day, in store time order.
          if (!dryRun) await this.repo.insert(q, { customerId, kind: 'expire', points: -lot.remaining, idempotencyKey: key, at: nowIso(), lotId: lot.id, note: `last valid day ${lot.expiresOn}` });
          out.points += lot.remaining;
          out.lots++;
        }
        return out;
      };
      // A preview reads committed state only; a run checks and writes in one transaction per shopper.
      // Bulk lane: a sweep of every shopper never holds back a till or a scan (one short transaction each).
      const n = dryRun ? await sweep(this.db) : await this.db.transaction(sweep, { priority: 'bulk' });
      if (n.points > 0) { customers++; points += n.points; lots += n.lots; }
    }
    return { today, dryRun, customers, lots, points };
  }

  /** A caller-pinned today (balances, back-dated reports): a real day near the store's today. */
  private checkPinnedToday(today: string) {
    if (!isLocalDate(today)) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'today must be a real day (YYYY-MM-DD).');
    if (!isLocalDateNear(today, this.today(), TODAY_RANGE_YEARS)) throw new VitrinaError('VITRINA_ERR_VALIDATION', `today must be within ${TODAY_RANGE_YEARS} years of the store's today.`);
  }

  async saveSettings(s: LoyaltySettings) {
    await this.db.transaction((tx) => this.repo.saveSettings(tx, s));
    return this.repo.settings(this.db);
  }

  async replaceTiers(tiers: TierConfig[]) {
    const ids = new Set(tiers.map((t) => t.id));
    const thresholds = new Set(tiers.map((t) => t.thresholdMinor));
    if (ids.size !== tiers.length || thresholds.size !== tiers.length) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Tier ids and thresholds must be unique.');
    await this.db.transaction((tx) => this.repo.replaceTiers(tx, tiers));
    return this.listTiers();
  }

  async listTiers(): Promise<TierConfig[]> {
    return (await this.repo.tiers(this.db)).map((t) => ({ id: t.id, name: t.name, thresholdMinor: t.thresholdMinor, multiplierPct: t.multiplierPct }));
  }

  listEarnRules() {
    return this.repo.listEarnRules(this.db);
  }

  async upsertEarnRule(r: EarnRuleConfig) {
    try {
      await this.db.transaction((tx) => this.repo.upsertEarnRule(tx, r));
    } catch (err) {
      if (String(err).includes('FOREIGN KEY')) throw new VitrinaError('VITRINA_ERR_PRODUCT_UNKNOWN');
      throw err;
    }
    return r;
  }

  /** A retried movement: same customer and amount → the first result; anything else → conflict. */
  private async replayed(tx: Queryable, prior: { id: number; customer_id: string; points: number }, customerId: string, points: number, day: string): Promise<PointsMovementResult> {
    if (prior.customer_id !== customerId || prior.points !== points) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That idempotency key was used for a different movement.');
    const state = await this.stateAt(tx, customerId, day);
    return { entryId: prior.id, points: prior.points, balanceAfter: state.balance };
  }
}
