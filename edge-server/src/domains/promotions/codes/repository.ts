import type { Queryable } from '../../../platform/db/database.js';

export interface CodeRow {
  code: string;
  promotion_id: string;
  max_uses: number | null;
  max_uses_per_customer: number | null;
}

/** The only place with SQL for promo codes and their redemptions. */
export class CodesRepository {
  byCode(q: Queryable, code: string) {
    return q.get<CodeRow>('SELECT code, promotion_id, max_uses, max_uses_per_customer FROM promo_codes WHERE code = ?', [code]);
  }

  async counts(q: Queryable, code: string, customerId: string | null) {
    const r = await q.get<{ uses: number; mine: number }>(
      'SELECT COUNT(*) AS uses, SUM(CASE WHEN customer_id = ? THEN 1 ELSE 0 END) AS mine FROM code_redemptions WHERE code = ?',
      [customerId ?? '', code],
    );
    return { uses: r?.uses ?? 0, customerUses: r?.mine ?? 0 };
  }

  byKey(q: Queryable, key: string) {
    return q.get<{ code: string; customer_id: string | null }>('SELECT code, customer_id FROM code_redemptions WHERE idempotency_key = ?', [key]);
  }

  async insertRedemption(q: Queryable, r: { code: string; customerId: string | null; receiptId: string | null; deviceId: string | null; idempotencyKey: string; at: string }) {
    await q.run('INSERT INTO code_redemptions (code, customer_id, receipt_id, device_id, idempotency_key, at) VALUES (?, ?, ?, ?, ?, ?)', [
      r.code, r.customerId, r.receiptId, r.deviceId, r.idempotencyKey, r.at,
    ]);
  }

  /** Inserts codes; returns the ones that already existed (nothing is written then). */
  async insertCodes(q: Queryable, codes: readonly string[], promotionId: string, maxUses: number | null, perCustomer: number | null, at: string) {
    for (const code of codes) {
      await q.run('INSERT INTO promo_codes (code, promotion_id, max_uses, max_uses_per_customer, created_at) VALUES (?, ?, ?, ?, ?)', [code, promotionId, maxUses, perCustomer, at]);
    }
  }

  list(q: Queryable, promotionId: string) {
    return q.all<CodeRow & { uses: number }>(
      `SELECT c.code, c.promotion_id, c.max_uses, c.max_uses_per_customer, (SELECT COUNT(*) FROM code_redemptions r WHERE r.code = c.code) AS uses
         FROM promo_codes c WHERE c.promotion_id = ? ORDER BY c.code`,
      [promotionId],
    );
  }
}
