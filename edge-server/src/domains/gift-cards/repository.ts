import type { Queryable } from '../../platform/db/database.js';

/** The only place with SQL for gift cards and their ledger. */
export class GiftCardsRepository {
  async insertCard(q: Queryable, c: { id: string; codeHmac: string; last4: string; at: string }) {
    await q.run("INSERT INTO gift_cards (id, code_hmac, last4, status, issued_at) VALUES (?, ?, ?, 'active', ?)", [c.id, c.codeHmac, c.last4, c.at]);
  }

  byHmac(q: Queryable, codeHmac: string) {
    return q.get<{ id: string; status: string }>('SELECT id, status FROM gift_cards WHERE code_hmac = ?', [codeHmac]);
  }

  card(q: Queryable, id: string) {
    return q.get<{ id: string; last4: string; status: string }>('SELECT id, last4, status FROM gift_cards WHERE id = ?', [id]);
  }

  movementByKey(q: Queryable, key: string) {
    return q.get<{ gift_card_id: string; amount_minor: number }>('SELECT gift_card_id, amount_minor FROM gift_card_ledger WHERE idempotency_key = ?', [key]);
  }

  async insertMovement(q: Queryable, m: { cardId: string; kind: 'issue' | 'redeem' | 'refund'; amount: number; key: string; receiptId: string | null; at: string }) {
    await q.run('INSERT INTO gift_card_ledger (gift_card_id, kind, amount_minor, idempotency_key, receipt_id, at) VALUES (?, ?, ?, ?, ?, ?)', [m.cardId, m.kind, m.amount, m.key, m.receiptId, m.at]);
  }

  async balance(q: Queryable, id: string) {
    return (await q.get<{ s: number | null }>('SELECT SUM(amount_minor) AS s FROM gift_card_ledger WHERE gift_card_id = ?', [id]))?.s ?? 0;
  }

  /** Money spent from the card so far, net of refunds (what a refund may put back). */
  async spent(q: Queryable, id: string) {
    return -((await q.get<{ s: number | null }>("SELECT SUM(amount_minor) AS s FROM gift_card_ledger WHERE gift_card_id = ? AND kind IN ('redeem', 'refund')", [id]))?.s ?? 0);
  }
}
