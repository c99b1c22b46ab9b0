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

  lastCardOf(customerId: string) {
    return this.db.get<CardRow>("SELECT * FROM cards WHERE customer_id = ? AND kind <> 'phone' ORDER BY created_at DESC LIMIT 1", [customerId]);
  }
}
