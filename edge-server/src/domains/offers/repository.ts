import type { Database } from '../../platform/db/database.js';

export interface LiveOfferRow {
  id: string;
  product_id: string;
  title: string;
  discount_kind: 'percent' | 'amount' | 'points' | 'price';
  discount_value: number;
  ends_on: string;
  product_name: string;
  department: string;
  category: string;
  price_minor: number | null;
  restricted: 0 | 1;
}

export class OffersRepository {
  constructor(private readonly db: Database) {}

  /** Offers live on `today` (store-local date, inclusive end day). */
  live(today: string) {
    return this.db.all<LiveOfferRow>(
      `SELECT o.id, o.product_id, o.title, o.discount_kind, o.discount_value, o.ends_on,
              p.name AS product_name, p.department, p.category, p.price_minor, p.restricted
         FROM offers o JOIN products p ON p.id = o.product_id
        WHERE o.status = 'live' AND o.starts_on <= ? AND o.ends_on >= ?
        ORDER BY o.id`,
      [today, today],
    );
  }

  clippedBy(customerId: string) {
    return this.db.all<{ offer_id: string }>('SELECT offer_id FROM clipped_offers WHERE customer_id = ?', [customerId]).then((rows) => new Set(rows.map((r) => r.offer_id)));
  }

  async clip(customerId: string, offerId: string, at: string) {
    await this.db.run('INSERT INTO clipped_offers (customer_id, offer_id, clipped_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [customerId, offerId, at]);
  }
}
