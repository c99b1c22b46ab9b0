import type { Database, Queryable } from '../db/database.js';

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
