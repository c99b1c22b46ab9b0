/**
 * The synthetic store of synthetic-store.ts written to a real store database (migrations,
 * products, customers, receipts and lines), so the aggregate refresh reads SQLite as the server
 * does. Written once per size and kept in the temp folder (`…/vitrina-bench-refresh-<c>x<i>-v1`):
 * ~600k receipts take a minute or two to write on a busy 2-core box, and every run reads the
 * same file. Delete the folder to write it again.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPurchases, type PurchasesService } from '../src/domains/purchases/index.js';
import type { Database } from '../src/platform/db/database.js';
import { EventBus } from '../src/platform/events/bus.js';
import { openStoreDatabase } from '../src/platform/db/open.js';
import type { DomainEvents } from '../src/shared/domain-events.js';
import { synthesizeStore } from './synthetic-store.js';

export interface RefreshStore {
  dataDir: string;
  db: Database;
  /** The purchases domain over that database: the history the recommender reads, and the tills' receipt writes. */
  purchases: PurchasesService;
  receipts: number;
  writtenS: number | null;
}

/** Receipts per write transaction while filling the file. */
const BATCH = 2_000;
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function openRefreshStore(customers: number, items: number, heavy: number): Promise<RefreshStore> {
  const dataDir = join(tmpdir(), `vitrina-bench-refresh-${customers}x${items}-v1`);
  const done = join(dataDir, 'complete');
  const fresh = !existsSync(done);
  const db = await openStoreDatabase(dataDir);
  let writtenS: number | null = null;
  if (fresh) {
    const started = performance.now();
    // Start over: a half-written file from an interrupted run.
    await db.exec('DELETE FROM receipt_lines; DELETE FROM receipts; DELETE FROM customers; DELETE FROM products;');
    const now = '2025-01-01T00:00:00.000Z';
    await db.transaction(async (tx) => {
      for (let i = 0; i < items; i++) await tx.run("INSERT INTO products (id, name, department, category, price_minor, restricted) VALUES (?, ?, 'Dept', 'Cat', 199, 0)", [`p${i}`, `Product ${i}`]);
      for (let c = 0; c < customers; c++) await tx.run('INSERT INTO customers (id, enrolled_at, consents_updated_at, consent_profiling) VALUES (?, ?, ?, 1)', [`c${c}`, now, now]);
    });
    const store = synthesizeStore(customers, items, heavy);
    let receipts: string[] = [];
    let lines: string[] = [];
    const flush = async () => {
      if (!receipts.length) return;
      await db.exec(`BEGIN; INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at, local_date) VALUES ${receipts.join(',')};
        INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor, net_minor) VALUES ${lines.join(',')}; COMMIT;`);
      receipts = [];
      lines = [];
    };
    for (const [customerId, baskets] of store) {
      for (const b of baskets) {
        receipts.push(`(${quote(b.basketId)}, 'bench', ${quote(customerId)}, 'sale', ${quote(b.at)}, ${199 * b.productIds.length}, ${quote(b.at)}, ${quote(b.at.slice(0, 10))})`);
        b.productIds.forEach((p, k) => lines.push(`(${quote(b.basketId)}, ${k + 1}, ${quote(p)}, 1, 199, 0, 199)`));
        if (receipts.length === BATCH) await flush();
      }
    }
    await flush();
    store.clear();
    await db.exec('ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);');
    writeFileSync(done, new Date().toISOString());
    writtenS = Math.round((performance.now() - started) / 100) / 10;
  }
  const purchases = createPurchases(db, {
    timeZone: 'UTC',
    // The bench reads history and writes receipts directly; only the CSV import would use these.
    catalog: undefined as never,
    customers: undefined as never,
    events: new EventBus<DomainEvents>(() => undefined),
  });
  const receipts = await purchases.countReceipts();
  return { dataDir, db, purchases, receipts, writtenS };
}
