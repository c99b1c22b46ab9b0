import type { Database, Queryable } from '../../platform/db/database.js';
import { cachedRead, forgetCached, forgetInTx, forgetShopperCached } from '../../platform/db/tx-memo.js';
import { jsonFields, readJson, type JsonRead } from '../../platform/db/json-read.js';

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
  /** Added by 004_members; optional on insert so older callers (demo seed) need not name them. */
  last_name?: string | null;
  /** HMAC of the member's id in the store's old program (imports). */
  import_ref?: string | null;
}

export type ConsentName = 'program' | 'marketing' | 'profiling';
export type ConsentSource = 'kiosk' | 'import' | 'console';

export interface ConsentRecord {
  consent: ConsentName;
  granted: boolean;
  textVersion: string;
  at: string;
  source: ConsentSource;
}

/** Lower-cased, NFKC-normalized form of a name: what the prefix search compares. */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name.normalize('NFKC').trim().toLocaleLowerCase();
  return key.length > 0 ? key : null;
}

const COLUMNS = 'id, first_name, last_name, first_name_key, last_name_key, birth_date, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at, source_ref, import_ref, erased_at';
const PER_ROW = 14;
const CONSENT_PER_ROW = 7;
/** SQLite binds at most 32,766 parameters per statement; keep well under it. */
const MAX_PARAMS = 30_000;

function values(row: CustomerRow) {
  return [
    row.id, row.first_name, row.last_name ?? null, nameKey(row.first_name), nameKey(row.last_name), row.birth_date, row.enrolled_at,
    row.consent_program, row.consent_marketing, row.consent_profiling, row.consents_updated_at, row.source_ref, row.import_ref ?? null, row.erased_at,
  ];
}

const ROW_AS_JSON = `(SELECT json_object(${jsonFields(COLUMNS.split(', '))}) FROM customers WHERE id = ?)`;

/** The shopper's row (undefined when there is none), as one JSON read (platform/db/json-read.ts). */
export function customerRowRead(id: string): JsonRead<CustomerRow | undefined> {
  return {
    key: `customers.row:${id}`,
    sql: ROW_AS_JSON,
    params: [id],
    parse: (v) => (typeof v === 'string' ? JSON.parse(v) as CustomerRow : undefined),
  };
}

/** A shopper's row changed: the transaction's memo now, the database's cache at commit (`birthDate` reads it inside transactions). */
function forgetRow(tx: Queryable, id: string) {
  forgetInTx(tx, `customers.row:${id}`);
  forgetCached(tx, `customers.row:${id}`);
}

export class CustomersRepository {
  constructor(private readonly db: Database) {}

  /** Kept in the database's cache (the scan and loyalty both ask whether the shopper exists); every write of a row forgets it. */
  byId(id: string) {
    const read = customerRowRead(id);
    return cachedRead(this.db, read.key, () => readJson(this.db, read));
  }

  async insert(tx: Queryable, row: CustomerRow) {
    await tx.run(`INSERT INTO customers (${COLUMNS}) VALUES (${Array(PER_ROW).fill('?').join(', ')})`, values(row));
    forgetRow(tx, row.id);
  }

  /** Many rows in as few statements as the parameter limit allows (bulk imports). */
  async insertMany(tx: Queryable, rows: readonly CustomerRow[]) {
    const per = Math.floor(MAX_PARAMS / PER_ROW);
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const tuple = `(${Array(PER_ROW).fill('?').join(', ')})`;
      await tx.run(`INSERT INTO customers (${COLUMNS}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flatMap(values));
      for (const r of chunk) forgetRow(tx, r.id);
    }
  }

  /** Which of these import refs are already taken (by a member, erased or not). */
  async existingImportRefs(refs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < refs.length; i += 900) {
      const chunk = refs.slice(i, i + 900);
      const rows = await this.db.all<{ import_ref: string }>(`SELECT import_ref FROM customers WHERE import_ref IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const r of rows) found.add(r.import_ref);
    }
    return found;
  }

  async recordConsents(tx: Queryable, customerId: string, records: readonly ConsentRecord[], recordedAt: string) {
    await this.recordConsentsMany(tx, records.map((r) => ({ customerId, ...r })), recordedAt);
  }

  async recordConsentsMany(tx: Queryable, records: ReadonlyArray<ConsentRecord & { customerId: string }>, recordedAt: string) {
    const per = Math.floor(MAX_PARAMS / CONSENT_PER_ROW);
    for (let i = 0; i < records.length; i += per) {
      const chunk = records.slice(i, i + per);
      await tx.run(
        `INSERT INTO consent_records (customer_id, consent, granted, text_version, at, source, recorded_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((r) => [r.customerId, r.consent, r.granted ? 1 : 0, r.textVersion, r.at, r.source, recordedAt]),
      );
    }
  }

  async consentRecordsOf(customerId: string): Promise<ConsentRecord[]> {
    const rows = await this.db.all<{ consent: ConsentName; granted: number; text_version: string; at: string; source: ConsentSource }>(
      'SELECT consent, granted, text_version, at, source FROM consent_records WHERE customer_id = ? ORDER BY id', [customerId],
    );
    return rows.map((r) => ({ consent: r.consent, granted: r.granted === 1, textVersion: r.text_version, at: r.at, source: r.source }));
  }

  /**
   * Active customers whose first or last name starts with `prefix` (already a name key); with two
   * words, the first must start the first name and the second the last name.
   */
  searchByName(first: string, last: string | null, limit: number) {
    const upper = (s: string) => `${s}\u{10ffff}`;
    if (last !== null) {
      return this.db.all<CustomerRow>(
        `SELECT * FROM customers WHERE erased_at IS NULL AND first_name_key >= ? AND first_name_key < ? AND last_name_key >= ? AND last_name_key < ?
         ORDER BY last_name_key, first_name_key, id LIMIT ?`,
        [first, upper(first), last, upper(last), limit],
      );
    }
    return this.db.all<CustomerRow>(
      `SELECT * FROM (
         SELECT * FROM customers WHERE erased_at IS NULL AND first_name_key >= ? AND first_name_key < ?
         UNION
         SELECT * FROM customers WHERE erased_at IS NULL AND last_name_key >= ? AND last_name_key < ?
       ) ORDER BY last_name_key, first_name_key, id LIMIT ?`,
      [first, upper(first), first, upper(first), limit],
    );
  }

  /**
   * Rows whose name keys were left to SQL's ASCII-only lower() (migration 004 backfilled existing
   * rows that way) or are missing: their keys are recomputed in JS. A key already lower-cased by
   * JS differs from lower(name) whenever the name has non-ASCII capitals, so fixed rows drop out.
   */
  rowsNeedingNameKeys() {
    return this.db.all<{ id: string; first_name: string | null; last_name: string | null; first_name_key: string | null; last_name_key: string | null }>(
      `SELECT id, first_name, last_name, first_name_key, last_name_key FROM customers WHERE erased_at IS NULL AND (
         (first_name IS NOT NULL AND (first_name_key IS NULL OR (first_name_key = lower(first_name) AND first_name GLOB '*[^ -~]*')))
         OR (last_name IS NOT NULL AND last_name_key IS NULL))`,
    );
  }

  async setNameKeys(tx: Queryable, rows: ReadonlyArray<{ id: string; first_name: string | null; last_name: string | null }>) {
    for (const r of rows) {
      await tx.run('UPDATE customers SET first_name_key = ?, last_name_key = ? WHERE id = ?', [nameKey(r.first_name), nameKey(r.last_name), r.id]);
      forgetRow(tx, r.id);
    }
  }

  byIds(ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.all<CustomerRow>(`SELECT * FROM customers WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
  }

  /**
   * Removes identity: names, birth date, consents (and their history) and source reference. The
   * row stays under its random id, so receipts and the points ledger keep balancing without
   * leading to a person. `import_ref` stays: it is an HMAC that cannot be reversed, and it is
   * what stops a re-run of an old import file from bringing the member back.
   */
  async erase(tx: Queryable, customerId: string, at: string) {
    forgetInTx(tx, `customers.row:${customerId}`);
    await tx.run('DELETE FROM consent_records WHERE customer_id = ?', [customerId]);
    await tx.run(
      `UPDATE customers SET first_name = NULL, last_name = NULL, first_name_key = NULL, last_name_key = NULL, birth_date = NULL,
              consent_program = 0, consent_marketing = 0, consent_profiling = 0,
              consents_updated_at = ?, source_ref = NULL, erased_at = ? WHERE id = ?`,
      [at, at, customerId],
    );
    // Erasure: every cached row of this shopper, in every area (keys end in its id), goes at commit.
    forgetShopperCached(tx, customerId);
  }

  async setConsents(tx: Queryable, customerId: string, c: { program: boolean; marketing: boolean; profiling: boolean }, at: string) {
    await tx.run('UPDATE customers SET consent_program = ?, consent_marketing = ?, consent_profiling = ?, consents_updated_at = ? WHERE id = ? AND erased_at IS NULL', [
      c.program ? 1 : 0, c.marketing ? 1 : 0, c.profiling ? 1 : 0, at, customerId,
    ]);
    forgetRow(tx, customerId);
  }

  /** Ids of customers who are not erased (bulk imports check against them). */
  activeIds() {
    return this.db.all<{ id: string }>('SELECT id FROM customers WHERE erased_at IS NULL').then((rows) => rows.map((r) => r.id));
  }

  /**
   * From the shopper's row, as `byId` keeps it (read-cache.ts): a till's receipt reads no row for
   * its birthday check. Inside a transaction that wrote the row, read afresh (tx-memo.ts).
   */
  async birthDate(q: Queryable, id: string) {
    const read = customerRowRead(id);
    const row = await cachedRead(q, read.key, () => readJson(q, read));
    return row?.birth_date ?? null;
  }

  count() {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers WHERE erased_at IS NULL').then((r) => r?.n ?? 0);
  }
}
