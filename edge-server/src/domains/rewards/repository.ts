import type { Queryable } from '../../platform/db/database.js';

export interface RewardRow {
  id: string;
  kind: 'product' | 'voucher' | 'service';
  name: string;
  points_price: number;
  stock: number | null;
  per_member_limit: number | null;
  starts_on: string;
  ends_on: string;
  product_id: string | null;
  promotion_id: string | null;
  voucher_valid_days: number | null;
  status: 'active' | 'paused';
}

export interface RedemptionRow {
  id: string;
  reward_id: string;
  customer_id: string;
  points: number;
  idempotency_key: string;
  channel: 'kiosk' | 'till';
  at: string;
  status: 'redeemed' | 'reversed';
  reversed_at: string | null;
  reverse_reason: string | null;
  voucher_promotion_id: string | null;
  voucher_valid_to: string | null;
}

/** The only place with SQL for the rewards catalogue and its redemptions. */
export class RewardsRepository {
  async insert(q: Queryable, r: RewardRow, at: string) {
    await q.run(
      `INSERT INTO rewards (id, kind, name, points_price, stock, per_member_limit, starts_on, ends_on, product_id, promotion_id, voucher_valid_days, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.kind, r.name, r.points_price, r.stock, r.per_member_limit, r.starts_on, r.ends_on, r.product_id, r.promotion_id, r.voucher_valid_days, r.status, at],
    );
  }

  byId(q: Queryable, id: string) {
    return q.get<RewardRow>('SELECT * FROM rewards WHERE id = ?', [id]);
  }

  /** Every reward with its redemptions not reversed. */
  list(q: Queryable) {
    return q.all<RewardRow & { redeemed: number }>(
      `SELECT r.*, (SELECT COUNT(*) FROM reward_redemptions x WHERE x.reward_id = r.id AND x.status = 'redeemed') AS redeemed
         FROM rewards r ORDER BY r.status, r.points_price, r.id`,
    );
  }

  async setStatus(q: Queryable, id: string, status: RewardRow['status']) {
    return (await q.run('UPDATE rewards SET status = ? WHERE id = ?', [status, id])).changes > 0;
  }

  /** Takes one unit of stock; false when none is left (an unlimited reward always succeeds). */
  async takeStock(q: Queryable, id: string) {
    return (await q.run('UPDATE rewards SET stock = stock - 1 WHERE id = ? AND (stock IS NULL OR stock > 0)', [id])).changes > 0;
  }

  async returnStock(q: Queryable, id: string) {
    await q.run('UPDATE rewards SET stock = stock + 1 WHERE id = ? AND stock IS NOT NULL', [id]);
  }

  /** Redemptions of each reward by one member, not reversed (per-member limits). */
  async countsOf(q: Queryable, customerId: string) {
    const rows = await q.all<{ reward_id: string; n: number }>("SELECT reward_id, COUNT(*) AS n FROM reward_redemptions WHERE customer_id = ? AND status = 'redeemed' GROUP BY reward_id", [customerId]);
    return new Map(rows.map((r) => [r.reward_id, r.n]));
  }

  redemptionByKey(q: Queryable, key: string) {
    return q.get<RedemptionRow>('SELECT * FROM reward_redemptions WHERE idempotency_key = ?', [key]);
  }

  redemption(q: Queryable, id: string) {
    return q.get<RedemptionRow>('SELECT * FROM reward_redemptions WHERE id = ?', [id]);
  }

  async insertRedemption(q: Queryable, r: Omit<RedemptionRow, 'status' | 'reversed_at' | 'reverse_reason'>) {
    await q.run(
      `INSERT INTO reward_redemptions (id, reward_id, customer_id, points, idempotency_key, channel, at, voucher_promotion_id, voucher_valid_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.reward_id, r.customer_id, r.points, r.idempotency_key, r.channel, r.at, r.voucher_promotion_id, r.voucher_valid_to],
    );
  }

  async markReversed(q: Queryable, id: string, at: string, reason: string) {
    await q.run("UPDATE reward_redemptions SET status = 'reversed', reversed_at = ?, reverse_reason = ? WHERE id = ? AND status = 'redeemed'", [at, reason, id]);
  }

  /** A member's redemptions (data export). */
  redemptionsOf(q: Queryable, customerId: string) {
    return q.all<RedemptionRow & { reward_name: string }>(
      'SELECT x.*, r.name AS reward_name FROM reward_redemptions x JOIN rewards r ON r.id = x.reward_id WHERE x.customer_id = ? ORDER BY x.at, x.id',
      [customerId],
    );
  }

  /**
   * Erasure: the redemptions stay for stock and liability counts, but no longer name the person
   * (the customer id is replaced by an opaque erased marker, the key by the row id).
   */
  async forgetCustomer(q: Queryable, customerId: string) {
    return (await q.run("UPDATE reward_redemptions SET customer_id = 'erased', idempotency_key = 'erased:' || id WHERE customer_id = ?", [customerId])).changes;
  }
}
