import type { Database, Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { customerRowRead, nameKey, type ConsentRecord, type ConsentSource, type CustomerRow, type CustomersRepository } from './repository.js';
import type { JsonRead } from '../../platform/db/json-read.js';

export interface Customer {
  id: string;
  firstName: string | null;
  birthDate: string | null;
  consents: { program: boolean; marketing: boolean; profiling: boolean };
  erased: boolean;
}

export type Consents = { program: boolean; marketing: boolean; profiling: boolean };

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    firstName: r.first_name,
    birthDate: r.birth_date,
    consents: { program: r.consent_program === 1, marketing: r.consent_marketing === 1, profiling: r.consent_profiling === 1 },
    erased: r.erased_at !== null,
  };
}

/** The three consents as records of one decision (same text version, time and source). */
export function consentRecordsOf(c: Consents, textVersion: string, at: string, source: ConsentSource): ConsentRecord[] {
  return (['program', 'marketing', 'profiling'] as const).map((consent) => ({ consent, granted: c[consent], textVersion, at, source }));
}

/**
 * Shoppers and their consents. The one place that decides whether a customer id still stands
 * for a person (`isActive`): an erased customer is unknown to every other domain.
 */
export class CustomersService {
  constructor(private readonly db: Database, private readonly repo: CustomersRepository) {}

  /** The reads of this shopper's rows a scan makes, to be made as one statement (platform/db/json-read.ts). */
  shopperReads(customerId: string): Array<JsonRead<unknown>> {
    return [customerRowRead(customerId)];
  }

  /** A customer who exists and has not been erased. */
  async isActive(id: string): Promise<boolean> {
    const row = await this.repo.byId(id);
    return !!row && !row.erased_at;
  }

  /** An active customer, or VITRINA_ERR_CUSTOMER_UNKNOWN. */
  async get(id: string): Promise<Customer> {
    const row = await this.repo.byId(id);
    if (!row || row.erased_at) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return toCustomer(row);
  }

  /** The stored row, erased or not (data requests show what is left after an erasure). */
  row(id: string) {
    return this.repo.byId(id);
  }

  /** Stored rows by id, in no particular order (search results). */
  rows(ids: readonly string[]) {
    return this.repo.byIds(ids);
  }

  insert(tx: Queryable, row: CustomerRow) {
    return this.repo.insert(tx, row);
  }

  /** Bulk insert for imports (one statement per few thousand rows). */
  insertMany(tx: Queryable, rows: readonly CustomerRow[]) {
    return this.repo.insertMany(tx, rows);
  }

  existingImportRefs(refs: readonly string[]) {
    return this.repo.existingImportRefs(refs);
  }

  /** Appends consent records (the history behind the three flags) inside the caller's transaction. */
  recordConsentsIn(tx: Queryable, customerId: string, records: readonly ConsentRecord[], recordedAt: string) {
    return this.repo.recordConsents(tx, customerId, records, recordedAt);
  }

  recordConsentsManyIn(tx: Queryable, records: ReadonlyArray<ConsentRecord & { customerId: string }>, recordedAt: string) {
    return this.repo.recordConsentsMany(tx, records, recordedAt);
  }

  consentHistory(id: string) {
    return this.repo.consentRecordsOf(id);
  }

  eraseIn(tx: Queryable, id: string, at: string) {
    return this.repo.erase(tx, id, at);
  }

  /** Changes the three flags and records the change (staff in the console, by default). */
  setConsents(id: string, consents: Consents, at: string, opts: { textVersion: string; source: ConsentSource } = { textVersion: 'console', source: 'console' }) {
    return this.db.transaction(async (tx) => {
      await this.repo.setConsents(tx, id, consents, at);
      await this.repo.recordConsents(tx, id, consentRecordsOf(consents, opts.textVersion, at, opts.source), at);
    });
  }

  /**
   * Active customers by name prefix, case-insensitive in any script: "an" finds Ana and Anton
   * (first or last name); "ana sm" finds Ana Smith.
   */
  searchByName(query: string, limit: number) {
    const words = (nameKey(query) ?? '').split(/\s+/).filter(Boolean);
    if (words.length === 0) return Promise.resolve([]);
    return this.repo.searchByName(words[0]!, words.length > 1 ? words.slice(1).join(' ') : null, limit);
  }

  /**
   * Gives every name its search key (names written before 004_members, or by SQL outside this
   * repository, such as test fixtures). Cheap when nothing is left to do; run once at boot.
   * Returns how many rows were updated.
   */
  async backfillNameKeys(): Promise<number> {
    const rows = (await this.repo.rowsNeedingNameKeys()).filter((r) => nameKey(r.first_name) !== r.first_name_key || nameKey(r.last_name) !== r.last_name_key);
    if (rows.length > 0) await this.db.transaction((tx) => this.repo.setNameKeys(tx, rows), { priority: 'bulk' });
    return rows.length;
  }

  birthDate(q: Queryable, id: string) {
    return this.repo.birthDate(q, id);
  }

  activeIds() {
    return this.repo.activeIds();
  }

  count() {
    return this.repo.count();
  }
}
