import type { Database, Queryable } from '../../platform/db/database.js';

export interface CustomerRow {
  id: string;
  first_name: string | null;
  birth_date: string | null;
  enrolled_at: string;
  consent_program: 0 | 1;
  consent_marketing: 0 | 1;
  consent_profiling: 0 | 1;
  consents_updated_at: string;
  source_ref: string | null;
  erased_at: string | null;
}

export class CustomersRepository {
  constructor(private readonly db: Database) {}

  byId(id: string) {
    return this.db.get<CustomerRow>('SELECT * FROM customers WHERE id = ?', [id]);
  }

  async insert(tx: Queryable, row: CustomerRow) {
    await tx.run(
      `INSERT INTO customers (id, first_name, birth_date, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at, source_ref, erased_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, row.first_name, row.birth_date, row.enrolled_at, row.consent_program, row.consent_marketing, row.consent_profiling, row.consents_updated_at, row.source_ref, row.erased_at],
    );
  }

  count() {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers WHERE erased_at IS NULL').then((r) => r?.n ?? 0);
  }
}

/** Erasure and export queries across the customer's own rows (cards, clips, events). */
export class CustomerDataRepository {
  constructor(private readonly db: Database) {}

  cardsOf(customerId: string) {
    return this.db.all<{ kind: string; last4: string; status: string }>('SELECT kind, last4, status FROM cards WHERE customer_id = ? ORDER BY created_at', [customerId]);
  }

  receiptsOf(customerId: string) {
    return this.db.all<{ id: string; kind: string; store_time: string; total_minor: number; product_id: string; product_name: string; quantity: number; unit_price_minor: number; discount_minor: number }>(
      `SELECT r.id, r.kind, r.store_time, r.total_minor, l.product_id, p.name AS product_name, l.quantity, l.unit_price_minor, l.discount_minor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id JOIN products p ON p.id = l.product_id
        WHERE r.customer_id = ? ORDER BY r.store_time, r.id, l.line_no`,
      [customerId],
    );
  }

  clipsOf(customerId: string) {
    return this.db.all<{ offer_id: string; clipped_at: string }>('SELECT offer_id, clipped_at FROM clipped_offers WHERE customer_id = ? ORDER BY clipped_at', [customerId]);
  }

  eventsOf(customerId: string) {
    return this.db.all<{ type: string; at: string }>('SELECT type, at FROM events WHERE customer_id = ? ORDER BY id LIMIT 10000', [customerId]);
  }

  /**
   * Removes identity: name, birth date, consents, card HMACs and clipped offers. Receipts and
   * the points ledger stay under the random customer id, which no longer leads to a person.
   */
  async erase(customerId: string, at: string) {
    return this.db.transaction(async (tx) => {
      const cards = await tx.run('DELETE FROM cards WHERE customer_id = ?', [customerId]);
      await tx.run('DELETE FROM clipped_offers WHERE customer_id = ?', [customerId]);
      await tx.run(
        `UPDATE customers SET first_name = NULL, birth_date = NULL, consent_program = 0, consent_marketing = 0, consent_profiling = 0,
                consents_updated_at = ?, source_ref = NULL, erased_at = ? WHERE id = ?`,
        [at, at, customerId],
      );
      return cards.changes;
    });
  }

  async setConsents(customerId: string, c: { program: boolean; marketing: boolean; profiling: boolean }, at: string) {
    await this.db.run('UPDATE customers SET consent_program = ?, consent_marketing = ?, consent_profiling = ?, consents_updated_at = ? WHERE id = ? AND erased_at IS NULL', [
      c.program ? 1 : 0, c.marketing ? 1 : 0, c.profiling ? 1 : 0, at, customerId,
    ]);
  }
}
