import type { ChainErasure, ChainEvent, ChainLedgerEntry, ChainProofOfPlay, ChainReceipt, ChainSurveyAnswer, UpKind } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';

export interface OutboxRow {
  seq: number;
  kind: UpKind;
  ref: string;
  created_at: string;
  attempts: number;
}

/**
 * The only SQL of chain-sync's own tables (chain_settings, chain_outbox, chain_applied), plus
 * read-only loads of the records an outbox row points at. Those loads read other rooms'
 * tables (receipts, points_ledger, events, survey_answers, play_records, customers) like the analytics read model does:
 * they only serialise what was committed, never write it, and the outbox rows are written by
 * the 013 triggers inside the writer's own transaction (see the migration for why).
 */
export class ChainOutboxRepository {
  constructor(private readonly db: Database) {}

  async setEnabled(enabled: boolean) {
    await this.db.run('UPDATE chain_settings SET enabled = ? WHERE id = 1', [enabled ? 1 : 0]);
  }

  pending(limit: number) {
    return this.db.all<OutboxRow>('SELECT seq, kind, ref, created_at, attempts FROM chain_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?', [limit]);
  }

  async markSent(seqs: readonly number[], at: string) {
    if (seqs.length === 0) return;
    await this.db.run(`UPDATE chain_outbox SET sent_at = ?, last_error = NULL WHERE seq IN (${seqs.map(() => '?').join(',')})`, [at, ...seqs]);
  }

  async markFailed(seq: number, error: string) {
    await this.db.run('UPDATE chain_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?', [error.slice(0, 500), seq]);
  }

  /** Pending count and the oldest pending row's age (the store's own view of its up-lag). */
  stats() {
    return this.db.get<{ pending: number; oldest: string | null; sent: number }>(
      'SELECT (SELECT COUNT(*) FROM chain_outbox WHERE sent_at IS NULL) AS pending, (SELECT MIN(created_at) FROM chain_outbox WHERE sent_at IS NULL) AS oldest, (SELECT COUNT(*) FROM chain_outbox WHERE sent_at IS NOT NULL) AS sent',
    );
  }

  async receipt(id: string): Promise<ChainReceipt | null> {
    // An erased shopper's receipts keep their random id at the store (accounting), but one that
    // goes up after the erasure goes without it: nothing sent after an erasure names the shopper.
    const r = await this.db.get<{ id: string; kind: 'sale' | 'return'; customer_id: string | null; original_receipt_id: string | null; store_time: string; local_date: string | null; total_minor: number; result_json: string | null }>(
      `SELECT r.id, r.kind, CASE WHEN c.erased_at IS NULL THEN r.customer_id END AS customer_id, r.original_receipt_id, r.store_time, r.local_date, r.total_minor, r.result_json
         FROM receipts r LEFT JOIN customers c ON c.id = r.customer_id WHERE r.id = ?`,
      [id],
    );
    if (!r) return null;
    const lines = await this.db.all<{ line_no: number; product_id: string; quantity: number; unit_price_minor: number; discount_minor: number; promo_discount_minor: number; net_minor: number | null; points_earned: number; points_redeemed: number; original_line_no: number | null }>(
      'SELECT line_no, product_id, quantity, unit_price_minor, discount_minor, promo_discount_minor, net_minor, points_earned, points_redeemed, original_line_no FROM receipt_lines WHERE receipt_id = ? ORDER BY line_no',
      [id],
    );
    const result = r.result_json ? (JSON.parse(r.result_json) as Partial<ChainReceipt>) : {};
    return {
      receiptId: r.id,
      kind: r.kind,
      // The current row wins over the stored result (which may name the customer).
      customerId: r.customer_id,
      originalReceiptId: r.original_receipt_id,
      storeTime: r.store_time,
      localDate: r.local_date ?? r.store_time.slice(0, 10),
      totalMinor: r.total_minor,
      ...(result.payableMinor !== undefined ? { payableMinor: result.payableMinor } : {}),
      ...(result.promotions ? { promotions: result.promotions } : {}),
      ...(result.points ? { points: result.points } : {}),
      lines: lines.map((l) => ({
        lineNo: l.line_no, productId: l.product_id, quantity: l.quantity, unitPriceMinor: l.unit_price_minor, discountMinor: l.discount_minor,
        promoDiscountMinor: l.promo_discount_minor, netMinor: l.net_minor ?? l.quantity * l.unit_price_minor - l.discount_minor,
        pointsEarned: l.points_earned, pointsRedeemed: l.points_redeemed, originalLineNo: l.original_line_no,
      })),
    };
  }

  /** Null for an erased shopper's entry: head office deletes their ledger, so it is not sent. */
  async ledgerEntry(id: string): Promise<ChainLedgerEntry | null> {
    const r = await this.db.get<{ id: number; customer_id: string; kind: ChainLedgerEntry['kind']; points: number; at: string; available_on: string | null; expires_on: string | null; receipt_id: string | null }>(
      `SELECT l.id, l.customer_id, l.kind, l.points, l.at, l.available_on, l.expires_on, l.receipt_id
         FROM points_ledger l LEFT JOIN customers c ON c.id = l.customer_id WHERE l.id = ? AND c.erased_at IS NULL`,
      [Number(id)],
    );
    return r ? { entryId: r.id, customerId: r.customer_id, kind: r.kind, points: r.points, at: r.at, availableOn: r.available_on, expiresOn: r.expires_on, receiptId: r.receipt_id } : null;
  }

  async event(id: string): Promise<ChainEvent | null> {
    const r = await this.db.get<{ id: number; type: string; at: string; device_id: string | null; customer_id: string | null; session_id: string | null; payload: string }>(
      'SELECT id, type, at, device_id, customer_id, session_id, payload FROM events WHERE id = ?',
      [Number(id)],
    );
    return r ? { eventId: r.id, type: r.type, at: r.at, deviceId: r.device_id, customerId: r.customer_id, sessionId: r.session_id, data: JSON.parse(r.payload) as unknown } : null;
  }

  async surveyAnswer(id: string): Promise<ChainSurveyAnswer | null> {
    const r = await this.db.get<{ id: string; kiosk_id: string; zone_id: string | null; customer_id: string | null; score: number; reasons: string; comment: string | null; at: string; day: string }>(
      'SELECT id, kiosk_id, zone_id, customer_id, score, reasons, comment, at, day FROM survey_answers WHERE id = ?',
      [id],
    );
    return r ? { answerId: r.id, kioskId: r.kiosk_id, zoneId: r.zone_id, customerId: r.customer_id, score: r.score, reasons: JSON.parse(r.reasons) as string[], comment: r.comment, at: r.at, day: r.day } : null;
  }

  async play(id: string): Promise<ChainProofOfPlay | null> {
    const r = await this.db.get<{ id: string; device_id: string; zone_id: string; item_id: string; item_kind: string; started_at: string; duration_ms: number }>(
      'SELECT id, device_id, zone_id, item_id, item_kind, started_at, duration_ms FROM play_records WHERE id = ?',
      [id],
    );
    return r ? { playId: r.id, screenId: r.device_id, zoneId: r.zone_id, itemKind: r.item_kind, itemRef: r.item_id, startedAt: new Date(r.started_at).toISOString(), durationMs: r.duration_ms } : null;
  }

  /** The erasure an outbox row points at (ref = the customer id), once the erasure committed. */
  async erasure(customerId: string): Promise<ChainErasure | null> {
    const r = await this.db.get<{ erased_at: string | null }>('SELECT erased_at FROM customers WHERE id = ?', [customerId]);
    return r?.erased_at ? { customerId, erasedAt: new Date(r.erased_at).toISOString() } : null;
  }

  appliedVersion(kind: string, entityId: string) {
    return this.db.get<{ version: number }>('SELECT version FROM chain_applied WHERE kind = ? AND entity_id = ?', [kind, entityId]);
  }

  async noteApplied(r: { kind: string; entityId: string; version: number; key: string; at: string; outcome: string }) {
    await this.db.run(
      `INSERT INTO chain_applied (kind, entity_id, version, msg_key, applied_at, outcome) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, entity_id) DO UPDATE SET version = excluded.version, msg_key = excluded.msg_key, applied_at = excluded.applied_at, outcome = excluded.outcome`,
      [r.kind, r.entityId, r.version, r.key, r.at, r.outcome],
    );
  }

  applied() {
    return this.db.all<{ kind: string; entity_id: string; version: number; outcome: string }>('SELECT kind, entity_id, version, outcome FROM chain_applied ORDER BY applied_at');
  }
}
