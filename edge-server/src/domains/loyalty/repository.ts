import type { EarnRuleConfig, LoyaltySettings, TierConfig } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { cachedRead, forgetCached, forgetInTx } from '../../platform/db/tx-memo.js';
import { jsonArray, jsonFields, readJson, type JsonRead } from '../../platform/db/json-read.js';
import { localDateOf } from '../../shared/calendar.js';
import type { EarnRules } from './earn.js';
import type { LedgerEntry, LedgerKind } from './ledger.js';
import type { Tier } from './tiers.js';

interface LedgerRow {
  id: number;
  kind: LedgerKind;
  points: number;
  at: string;
  available_on: string | null;
  expires_on: string | null;
  lot_id: number | null;
  receipt_id: string | null;
  idempotency_key: string;
}

const LEDGER_COLUMNS: ReadonlyArray<keyof LedgerRow> = ['id', 'kind', 'points', 'at', 'available_on', 'expires_on', 'lot_id', 'receipt_id', 'idempotency_key'];
const LEDGER_AS_JSON = `(SELECT json_group_array(json_object(${jsonFields(LEDGER_COLUMNS)}) ORDER BY at, id) FROM points_ledger WHERE customer_id = ?)`;

/** A ledger entry as read back, in replay order (store time, then id). */
export type StoredEntry = LedgerEntry & { at: string; receiptId: string | null; idempotencyKey: string };

export interface NewLedgerEntry {
  customerId: string;
  kind: LedgerKind;
  points: number;
  idempotencyKey: string;
  at: string;
  availableOn?: string | null;
  expiresOn?: string | null;
  lotId?: number | null;
  receiptId?: string | null;
  note?: string | null;
}

/** The only place with SQL for the points ledger, tiers, earn rules and program settings. */
export class LoyaltyRepository {
  constructor(private readonly storeId: string, private readonly timeZone: string) {}

  settings(q: Queryable): Promise<LoyaltySettings> {
    return cachedRead(q, 'loyalty.settings', () => this.readSettings(q));
  }

  private async readSettings(q: Queryable): Promise<LoyaltySettings> {
    const r = await q.get<Record<string, number | string | null>>('SELECT * FROM loyalty_settings WHERE id = 1');
    if (!r) throw new Error('loyalty_settings row missing');
    return {
      earnRateBp: Number(r.earn_rate_bp), pointValueMinor: Number(r.point_value_minor), validityDays: Number(r.validity_days),
      pendingDays: Number(r.pending_days), tierWindowDays: Number(r.tier_window_days), tierReviewMonthDay: String(r.tier_review_month_day),
      defaultMarginBp: Number(r.default_margin_bp), referrerPoints: Number(r.referrer_points), refereePoints: Number(r.referee_points),
      birthdayPromotionId: (r.birthday_promotion_id as string | null) ?? null, birthdayWindowDays: Number(r.birthday_window_days),
      voucherMinPoints: r.voucher_min_points === null || r.voucher_min_points === undefined ? null : Number(r.voucher_min_points),
      voucherValidDays: Number(r.voucher_valid_days ?? 30),
    };
  }

  async saveSettings(q: Queryable, s: LoyaltySettings) {
    forgetInTx(q, 'loyalty.settings');
    await q.run(
      `UPDATE loyalty_settings SET earn_rate_bp = ?, point_value_minor = ?, validity_days = ?, pending_days = ?, tier_window_days = ?,
         tier_review_month_day = ?, default_margin_bp = ?, referrer_points = ?, referee_points = ?, birthday_promotion_id = ?, birthday_window_days = ? WHERE id = 1`,
      [s.earnRateBp, s.pointValueMinor, s.validityDays, s.pendingDays, s.tierWindowDays, s.tierReviewMonthDay, s.defaultMarginBp, s.referrerPoints, s.refereePoints, s.birthdayPromotionId, s.birthdayWindowDays],
    );
    // The voucher settings (007) are written only when given, so a client that predates them keeps them as they are.
    if (s.voucherMinPoints !== undefined) await q.run('UPDATE loyalty_settings SET voucher_min_points = ? WHERE id = 1', [s.voucherMinPoints]);
    if (s.voucherValidDays !== undefined) await q.run('UPDATE loyalty_settings SET voucher_valid_days = ? WHERE id = 1', [s.voucherValidDays]);
    forgetCached(q, 'loyalty.settings');
  }

  /** The same array until the tiers are written (callers must not mutate it). */
  tiers(q: Queryable): Promise<readonly Tier[]> {
    return cachedRead(q, 'loyalty.tiers', async () => (await q.all<{ id: string; name: string; threshold_minor: number; multiplier_pct: number }>('SELECT * FROM tiers ORDER BY threshold_minor'))
      .map((r) => ({ id: r.id, name: r.name, thresholdMinor: r.threshold_minor, multiplierPct: r.multiplier_pct })));
  }

  async replaceTiers(q: Queryable, tiers: TierConfig[]) {
    forgetInTx(q, 'loyalty.tiers');
    await q.run('DELETE FROM tiers');
    for (const t of tiers) await q.run('INSERT INTO tiers (id, name, threshold_minor, multiplier_pct) VALUES (?, ?, ?, ?)', [t.id, t.name, t.thresholdMinor, t.multiplierPct]);
    forgetCached(q, 'loyalty.tiers');
  }

  async earnRules(q: Queryable, settings: LoyaltySettings, tierMultiplierPct: number): Promise<EarnRules> {
    const rows = await cachedRead(q, 'loyalty.earn-rules', () => q.all<{ kind: string; category: string | null; product_id: string | null; multiplier_pct: number | null; bonus_points: number | null }>('SELECT * FROM earn_rules'));
    const categoryMultiplierPct = new Map<string, number>();
    const productBonusPoints = new Map<string, number>();
    for (const r of rows) {
      if (r.kind === 'category_multiplier' && r.category) categoryMultiplierPct.set(r.category, r.multiplier_pct ?? 100);
      if (r.kind === 'product_bonus' && r.product_id) productBonusPoints.set(r.product_id, r.bonus_points ?? 0);
    }
    return { rateBp: settings.earnRateBp, tierMultiplierPct, categoryMultiplierPct, productBonusPoints };
  }

  async listEarnRules(q: Queryable): Promise<EarnRuleConfig[]> {
    const rows = await q.all<{ id: string; kind: string; category: string | null; product_id: string | null; multiplier_pct: number | null; bonus_points: number | null }>('SELECT * FROM earn_rules ORDER BY id');
    return rows.map((r) => (r.kind === 'category_multiplier'
      ? { id: r.id, kind: 'category_multiplier' as const, category: r.category ?? '', multiplierPct: r.multiplier_pct ?? 100 }
      : { id: r.id, kind: 'product_bonus' as const, productId: r.product_id ?? '', bonusPoints: r.bonus_points ?? 0 }));
  }

  async upsertEarnRule(q: Queryable, r: EarnRuleConfig) {
    forgetInTx(q, 'loyalty.earn-rules');
    await q.run(
      `INSERT INTO earn_rules (id, kind, category, product_id, multiplier_pct, bonus_points) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, category = excluded.category, product_id = excluded.product_id,
         multiplier_pct = excluded.multiplier_pct, bonus_points = excluded.bonus_points`,
      r.kind === 'category_multiplier' ? [r.id, r.kind, r.category, null, r.multiplierPct, null] : [r.id, r.kind, null, r.productId, null, r.bonusPoints],
    );
    forgetCached(q, 'loyalty.earn-rules');
  }

  /** A customer's ledger in replay order (store time, then id), with each entry's local day. */
  entries(q: Queryable, customerId: string): Promise<StoredEntry[]> {
    // Copied into a transaction's memo: `insert` below appends to it (write-through).
    const read = this.entriesRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read), { copyForTx: (rows) => [...rows] });
  }

  /** A shopper's ledger in replay order, as one JSON read (platform/db/json-read.ts). */
  entriesRead(customerId: string): JsonRead<StoredEntry[]> {
    return {
      key: `loyalty.entries:${customerId}`,
      sql: LEDGER_AS_JSON,
      params: [customerId],
      parse: (v) => jsonArray<LedgerRow>(v).map((r) => ({
        id: r.id, kind: r.kind, points: r.points, at: r.at, localDate: localDateOf(this.timeZone, r.at),
        availableOn: r.available_on, expiresOn: r.expires_on, lotId: r.lot_id, receiptId: r.receipt_id, idempotencyKey: r.idempotency_key,
      })),
    };
  }

  byKey(q: Queryable, key: string) {
    return q.get<{ id: number; customer_id: string; kind: LedgerKind; points: number }>('SELECT id, customer_id, kind, points FROM points_ledger WHERE idempotency_key = ?', [key]);
  }

  /** The earn entry of a receipt (what a refund reverses). */
  earnOfReceipt(q: Queryable, receiptId: string) {
    return q.get<{ id: number }>("SELECT id FROM points_ledger WHERE receipt_id = ? AND kind = 'earn' ORDER BY id LIMIT 1", [receiptId]);
  }

  async insert(q: Queryable, e: NewLedgerEntry): Promise<number> {
    // Inside a transaction, the shopper's committed ledger comes into its memo from the cache
    // first (no statement when the receipt read it ahead): written through below, a balance
    // after this entry then needs no read on the writer.
    if (q.memo && !q.memo.has(`loyalty.entries:${e.customerId}`) && q.cache?.peek(`loyalty.entries:${e.customerId}`) !== undefined) await this.entries(q, e.customerId);
    const r = await q.run(
      `INSERT INTO points_ledger (store_id, customer_id, kind, points, idempotency_key, at, available_on, expires_on, lot_id, receipt_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [this.storeId, e.customerId, e.kind, e.points, e.idempotencyKey, e.at, e.availableOn ?? null, e.expiresOn ?? null, e.lotId ?? null, e.receiptId ?? null, e.note ?? null],
    );
    forgetCached(q, `loyalty.entries:${e.customerId}`);
    // Write-through: a batch transaction that already read this customer's ledger keeps it exact.
    const known = q.memo?.get(`loyalty.entries:${e.customerId}`) as StoredEntry[] | undefined;
    if (known) {
      known.push({
        id: r.lastID, kind: e.kind, points: e.points, at: e.at, localDate: localDateOf(this.timeZone, e.at), availableOn: e.availableOn ?? null,
        expiresOn: e.expiresOn ?? null, lotId: e.lotId ?? null, receiptId: e.receiptId ?? null, idempotencyKey: e.idempotencyKey,
      });
      known.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    }
    return r.lastID;
  }

  /** Customers with at least one ledger entry (the expiry sweep walks them). */
  customersWithPoints(q: Queryable) {
    return q.all<{ customer_id: string }>('SELECT DISTINCT customer_id FROM points_ledger').then((r) => r.map((x) => x.customer_id));
  }
}
