import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { csvBasketSource, customerRuns, emptyStats, sqliteBasketSource, type BasketSource } from './basket-stream.js';
import { loadHistoryCsv } from './history-csv.js';
import { loadSqliteHistory } from './sqlite-history.js';
import { syntheticHistory } from './synthetic-history.js';
import type { Basket } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-stream-'));

async function collect(source: BasketSource) {
  const stats = emptyStats();
  const baskets: Basket[] = [];
  for await (const b of source.open(stats)) baskets.push(b);
  return { baskets, stats };
}

/** A gzip CSV in the input format from the synthetic generator, with a few bad rows mixed in. */
function syntheticCsv(name: string): string {
  const lines = ['customer_id,basket_id,time,item_id,quantity,price'];
  let k = 0;
  for (const b of syntheticHistory({ baskets: 3000, customers: 200, items: 500, seed: 5 })) {
    const time = new Date(b.t).toISOString();
    for (const item of b.items) {
      k++;
      if (k % 997 === 0) lines.push(`${b.customerId},${b.basketId},20.03.2007,${item},1,1.5`);
      else if (k % 991 === 0) lines.push(`${b.customerId},${b.basketId},${time},${item},-1,1.5`);
      else lines.push(`${b.customerId},${b.basketId},${time},${item},1,"1.50"`);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, gzipSync(lines.join('\n')));
  return path;
}

describe('streamed basket sources', () => {
  it('a CSV source yields the baskets the in-memory loader builds, with the same skip counts and examples', async () => {
    const path = syntheticCsv('synthetic.csv.gz');
    const memory = await loadHistoryCsv(path);
    const { baskets, stats } = await collect(csvBasketSource(path));
    expect(baskets).toEqual(memory.baskets);
    expect(stats).toEqual({ rows: memory.rows, skipped: memory.skipped, skipExamples: memory.skipExamples });
    expect(stats.skipped.bad_time).toBeGreaterThan(0);
    // A second pass gives the same again (training reads twice).
    expect((await collect(csvBasketSource(path))).baskets).toEqual(baskets);
    const runs = [];
    for await (const run of customerRuns(csvBasketSource(path).open(emptyStats()))) runs.push(run);
    expect(runs.map((r) => r.customerId)).toEqual([...new Set(baskets.map((b) => b.customerId))]);
  });

  it('refuses a file whose customers are not grouped, saying how to sort it', async () => {
    const path = join(dir, 'ungrouped.csv');
    writeFileSync(path, 'customer_id,basket_id,time,item_id\nc1,b1,2025-01-01,x\nc2,b2,2025-01-01,x\nc1,b3,2025-01-02,y\n');
    await expect(collect(csvBasketSource(path))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringMatching(/customer 'c1' are not together \(row 3\).*sort the file by customer_id/) });
    await expect(collect(csvBasketSource(join(dir, 'missing.csv')))).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
    writeFileSync(join(dir, 'colour.csv'), 'customer_id,basket_id,time,item_id,colour\nc,b,1,i,red\n');
    await expect(collect(csvBasketSource(join(dir, 'colour.csv')))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('colour') });
  });

  it("a SQLite source pages through the store's receipts and yields what the in-memory loader reads", async () => {
    const path = join(dir, 'store.sqlite');
    const db = new sqlite3.Database(path);
    const run = (sql: string, params: unknown[] = []) => new Promise<void>((res, rej) => db.run(sql, params, (err) => (err ? rej(err) : res())));
    await run("CREATE TABLE receipts (id TEXT PRIMARY KEY, customer_id TEXT, kind TEXT NOT NULL DEFAULT 'sale', store_time TEXT NOT NULL)");
    await run('CREATE INDEX receipts_customer_time ON receipts(customer_id, store_time)');
    await run('CREATE TABLE receipt_lines (receipt_id TEXT, line_no INTEGER, product_id TEXT NOT NULL, quantity INTEGER NOT NULL, PRIMARY KEY (receipt_id, line_no))');
    await run('BEGIN');
    // Over 1,000 customers: more than two pages of 500.
    for (const b of syntheticHistory({ baskets: 2400, customers: 1100, items: 300, seed: 9 })) {
      await run('INSERT INTO receipts VALUES (?, ?, ?, ?)', [b.basketId, b.customerId, 'sale', new Date(b.t).toISOString()]);
      for (const [k, item] of b.items.entries()) await run('INSERT INTO receipt_lines VALUES (?, ?, ?, ?)', [b.basketId, k, item, k === 3 ? 0 : 1]);
    }
    await run("INSERT INTO receipts VALUES ('ret', 'c1', 'return', '2025-06-01T00:00:00Z'), ('anon', NULL, 'sale', '2025-06-01T00:00:00Z')");
    await run("INSERT INTO receipt_lines VALUES ('ret', 0, 'i1', 1), ('anon', 0, 'i1', 1)");
    await run('COMMIT');
    await new Promise<void>((res) => db.close(() => res()));
    const memory = await loadSqliteHistory(path);
    const { baskets, stats } = await collect(sqliteBasketSource(path));
    const key = (b: Basket) => `${b.customerId}\u0000${b.basketId}`;
    const sorted = (list: Basket[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sorted(baskets)).toEqual(sorted(memory.baskets));
    expect(stats.skipped).toEqual(memory.skipped);
    expect(stats.skipped.non_positive_quantity).toBeGreaterThan(0);
    expect(new Set(baskets.map((b) => b.customerId)).size).toBeGreaterThan(1000);
  }, 60_000);
});
