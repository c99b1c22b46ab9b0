import type { Queryable } from '../../platform/db/database.js';

export interface GiftCardRow {
  id: string;
  last4: string;
  status: string;
  expires_on: string | null;
}

/** The only place with SQL for gift cards and their ledger. */
export class GiftCardsRepository {
  async insertCard(q: Queryable, c: { id: string; codeHmac: string; last4: string; at: string; expiresOn: string | null }) {
    await q.run("INSERT INTO gift_cards (id, code_hmac, last4, status, issued_at, expires_on) VALUES (?, ?, ?, 'active', ?, ?)", [c.id, c.codeHmac, c.last4, c.at, c.expiresOn]);
  }

  byHmac(q: Queryable, codeHmac: string) {
    return q.get<GiftCardRow>('SELECT id, last4, status, expires_on FROM gift_cards WHERE code_hmac = ?', [codeHmac]);
  }

  card(q: Queryable, id: string) {
    return q.get<GiftCardRow>('SELECT id, last4, status, expires_on FROM gift_cards WHERE id = ?', [id]);
  }

  list(q: Queryable) {
    return q.all<GiftCardRow & { balance: number }>(
      `SELECT c.id, c.last4, c.status, c.expires_on, COALESCE((SELECT SUM(amount_minor) FROM gift_card_ledger l WHERE l.gift_card_id = c.id), 0) AS balance
         FROM gift_cards c ORDER BY c.issued_at DESC, c.id LIMIT 1000`,
    );
  }

  async setStatus(q: Queryable, id: string, status: 'active' | 'blocked') {
    return (await q.run('UPDATE gift_cards SET status = ? WHERE id = ?', [status, id])).changes > 0;
  }

  movementByKey(q: Queryable, key: string) {
    return q.get<{ gift_card_id: string; amount_minor: number }>('SELECT gift_card_id, amount_minor FROM gift_card_ledger WHERE idempotency_key = ?', [key]);
  }

  async insertMovement(q: Queryable, m: { cardId: string; kind: 'issue' | 'redeem' | 'refund'; amount: number; key: string; receiptId: string | null; at: string }) {
    await q.run('INSERT INTO gift_card_ledger (gift_card_id, kind, amount_minor, idempotency_key, receipt_id, at) VALUES (?, ?, ?, ?, ?, ?)', [m.cardId, m.kind, m.amount, m.key, m.receiptId, m.at]);
  }

  /** What a receipt took from each card (redeem movements, positive amounts). */
  paidByReceipt(q: Queryable, receiptId: string) {
    return q.all<{ gift_card_id: string; last4: string; amount: number }>(
      `SELECT l.gift_card_id, c.last4, -SUM(l.amount_minor) AS amount FROM gift_card_ledger l JOIN gift_cards c ON c.id = l.gift_card_id
        WHERE l.receipt_id = ? AND l.kind = 'redeem' GROUP BY l.gift_card_id, c.last4 ORDER BY MIN(l.id)`,
      [receiptId],
    );
  }

  async balance(q: Queryable, id: string) {
    return (await q.get<{ s: number | null }>('SELECT SUM(amount_minor) AS s FROM gift_card_ledger WHERE gift_card_id = ?', [id]))?.s ?? 0;
  }

  /** Money spent from the card so far, net of refunds (what a refund may put back). */
  async spent(q: Queryable, id: string) {
    return -((await q.get<{ s: number | null }>("SELECT SUM(amount_minor) AS s FROM gift_card_ledger WHERE gift_card_id = ? AND kind IN ('redeem', 'refund')", [id]))?.s ?? 0);
  }
}
