import type { Database, Queryable } from '../../platform/db/database.js';
import { forgetInTx, memoInTx } from '../../platform/db/tx-memo.js';

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

  /**
   * Removes identity: name, birth date, consents and source reference. The row stays under its
   * random id, so receipts and the points ledger keep balancing without leading to a person.
   */
  async erase(tx: Queryable, customerId: string, at: string) {
    forgetInTx(tx, `customers.birth-date:${customerId}`);
    await tx.run(
      `UPDATE customers SET first_name = NULL, birth_date = NULL, consent_program = 0, consent_marketing = 0, consent_profiling = 0,
              consents_updated_at = ?, source_ref = NULL, erased_at = ? WHERE id = ?`,
      [at, at, customerId],
    );
  }

  async setConsents(customerId: string, c: { program: boolean; marketing: boolean; profiling: boolean }, at: string) {
    await this.db.run('UPDATE customers SET consent_program = ?, consent_marketing = ?, consent_profiling = ?, consents_updated_at = ? WHERE id = ? AND erased_at IS NULL', [
      c.program ? 1 : 0, c.marketing ? 1 : 0, c.profiling ? 1 : 0, at, customerId,
    ]);
  }

  /** Ids of customers who are not erased (bulk imports check against them). */
  activeIds() {
    return this.db.all<{ id: string }>('SELECT id FROM customers WHERE erased_at IS NULL').then((rows) => rows.map((r) => r.id));
  }

  /** Read once per transaction: posting receipts never changes a birth date. */
  birthDate(q: Queryable, id: string) {
    return memoInTx(q, `customers.birth-date:${id}`, () => q.get<{ birth_date: string | null }>('SELECT birth_date FROM customers WHERE id = ?', [id]).then((r) => r?.birth_date ?? null));
  }

  count() {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers WHERE erased_at IS NULL').then((r) => r?.n ?? 0);
  }
}
