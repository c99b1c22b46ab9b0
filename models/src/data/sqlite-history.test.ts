import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { loadSqliteHistory } from './sqlite-history.js';

/** A real SQLite file with the edge server's receipts / receipt_lines columns that matter. */
async function makeDb(statements: string[]): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'vitrina-db-')), 'store.sqlite');
  const db = new sqlite3.Database(path);
  for (const sql of statements) await new Promise<void>((res, rej) => db.run(sql, (err) => (err ? rej(err) : res())));
  await new Promise<void>((res) => db.close(() => res()));
  return path;
}

describe('loadSqliteHistory', () => {
  it('reads sale receipts as baskets and skips returns, anonymous receipts and bad lines', async () => {
    const path = await makeDb([
      "CREATE TABLE receipts (id TEXT PRIMARY KEY, customer_id TEXT, kind TEXT NOT NULL DEFAULT 'sale', store_time TEXT NOT NULL)",
      'CREATE TABLE receipt_lines (receipt_id TEXT, line_no INTEGER, product_id TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price_minor INTEGER NOT NULL)',
      "INSERT INTO receipts VALUES ('r1', 'c1', 'sale', '2025-03-01T10:00:00Z'), ('r2', 'c1', 'return', '2025-03-02T10:00:00Z'), ('r3', NULL, 'sale', '2025-03-02T11:00:00Z'), ('r4', 'c2', 'sale', 'yesterday-ish')",
      "INSERT INTO receipt_lines VALUES ('r1', 1, 'milk', 2, 100), ('r1', 2, 'bread', 0, 200), ('r2', 1, 'milk', -1, 100), ('r3', 1, 'tea', 1, 50), ('r4', 1, 'jam', 1, 300)",
    ]);
    const r = await loadSqliteHistory(path);
    expect(r.baskets).toEqual([{ customerId: 'c1', basketId: 'r1', t: Date.parse('2025-03-01T10:00:00Z'), items: ['milk'] }]);
    expect(r.skipped).toEqual({ non_positive_quantity: 1, bad_time: 1 });
  });

  it('fails clearly on a missing file or a database without the receipts tables', async () => {
    await expect(loadSqliteHistory('/nonexistent/dir/store.sqlite')).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
    const empty = await makeDb(['CREATE TABLE other (x INTEGER)']);
    await expect(loadSqliteHistory(empty)).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('no such table') });
  });
});
