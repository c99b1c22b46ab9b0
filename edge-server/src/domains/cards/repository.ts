import type { Database, Queryable } from '../../platform/db/database.js';

export interface CardRow {
  hmac: string;
  kind: 'ean13' | 'pan' | 'pattern' | 'phone';
  last4: string;
  customer_id: string;
  status: 'active' | 'blocked';
  created_at: string;
}

export class CardsRepository {
  constructor(private readonly db: Database) {}

  byHmac(hmac: string) {
    return this.db.get<CardRow>('SELECT * FROM cards WHERE hmac = ?', [hmac]);
  }

  async insert(tx: Queryable, row: CardRow) {
    await tx.run('INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      row.hmac, row.kind, row.last4, row.customer_id, row.status, row.created_at,
    ]);
  }

  async exists(q: Queryable, hmac: string) {
    return (await q.get('SELECT 1 AS x FROM cards WHERE hmac = ?', [hmac])) !== undefined;
  }

  cardsOf(customerId: string) {
    return this.db.all<{ kind: string; last4: string; status: string }>('SELECT kind, last4, status FROM cards WHERE customer_id = ? ORDER BY created_at', [customerId]);
  }

  async removeAllOf(q: Queryable, customerId: string) {
    return (await q.run('DELETE FROM cards WHERE customer_id = ?', [customerId])).changes;
  }

}
