/**
 * Sales-report export speed: LINES generated receipt lines (default 1,000,000: 250,000 receipts of
 * 4 lines over 90 store days, 500 products) in a fresh store file, then the sales-report CSV of
 * every line (`GET /api/v1/analytics/sales.csv?by=line`) fetched over real HTTP from the listening
 * server and read as a stream, and the by-product report the same way. Prints one JSON line:
 * rows/s, MB/s and the process's peak RSS (server and reader share the process). Budget: 1M lines
 * in under 100 s (10,000 rows/s, on the 2-core machine shared with other jobs) and a peak RSS
 * under 400 MB (the export reads a page at a time: memory must not grow with the row count).
 *
 *   npm run bench -- --only export [lines]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/load.js';
import { emit } from './report.js';

const BUDGET_ROWS_PER_S = 10_000;
const BUDGET_PEAK_RSS_MB = 400;
const LINES_PER_RECEIPT = 4;

const lines = Number(process.argv[2] ?? 1_000_000);
const receipts = Math.ceil(lines / LINES_PER_RECEIPT);
const dir = mkdtempSync(join(tmpdir(), 'vitrina-export-bench-'));
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

try {
  const config = loadConfig({}, { NODE_ENV: 'production', DATA_DIR: dir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_ID: 'bench', STORE_TIME_ZONE: 'Europe/Moscow' });
  const { app, services } = await buildApp({ config, secret: randomBytes(32).toString('hex'), passwordCost: { log2N: 10, r: 8, p: 1 } });
  const db = services.db;

  const genStarted = performance.now();
  // Generated inside SQLite (recursive CTEs): the bench measures the export, not a JS loop of inserts.
  await db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
    INSERT INTO products (id, name, department, category, brand, price_minor, restricted)
      SELECT printf('p%03d', i), printf('Product %d', i), printf('Dept %d', i % 12), printf('Category %d', i % 60), 'Bench', 100 + i * 7, 0 FROM n;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${receipts - 1})
    INSERT INTO receipts (id, store_id, kind, store_time, total_minor, created_at, local_date)
      SELECT printf('r%08d', i), 'bench', 'sale', date('2026-01-01', '+' || (i % 90) || ' days') || 'T10:00:00.000Z', 0,
             '2026-01-01T00:00:00.000Z', date('2026-01-01', '+' || (i % 90) || ' days') FROM n;
    WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < ${LINES_PER_RECEIPT})
    INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor, net_minor)
      SELECT r.id, k.j, printf('p%03d', (r.rowid * 7 + k.j * 13) % 500), 1 + k.j % 3, 250 + k.j * 10, CASE WHEN k.j = 2 THEN 25 ELSE 0 END,
             (1 + k.j % 3) * (250 + k.j * 10) - CASE WHEN k.j = 2 THEN 25 ELSE 0 END
        FROM receipts r CROSS JOIN k;
    ANALYZE;
  `);
  const generateS = (performance.now() - genStarted) / 1000;

  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  await services.auth.createUser('bench-marketer', 'correct horse battery', 'marketer');
  const { token } = await services.auth.login('bench-marketer', 'correct horse battery');

  /** Fetches a CSV and reads it chunk by chunk, counting rows and bytes (nothing kept). */
  async function timeExport(query: string) {
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/analytics/sales.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    return { rows: newlines - 1, seconds: Math.round(seconds * 100) / 100, bytes };
  }

  const rssBefore = process.memoryUsage().rss;
  const line = await timeExport('from=2026-01-01&to=2026-03-31&by=line');
  const product = await timeExport('from=2026-01-01&to=2026-03-31&by=product');
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await app.close();

  const rowsPerS = Math.round(line.rows / line.seconds);
  const pass = line.rows === receipts * LINES_PER_RECEIPT && product.rows === 500 && rowsPerS >= BUDGET_ROWS_PER_S && peakRssMb <= BUDGET_PEAK_RSS_MB;
  emit({
    bench: 'export', receipts, lines: line.rows, generate_s: Math.round(generateS * 10) / 10,
    lines_export_s: line.seconds, rows_per_s: rowsPerS, csv_mb: mb(line.bytes), mb_per_s: Math.round((mb(line.bytes) / line.seconds) * 10) / 10,
    by_product_rows: product.rows, by_product_s: product.seconds,
    rss_before_export_mb: Math.round(rssBefore / 1e6), peak_rss_mb: peakRssMb,
    budget_rows_per_s: BUDGET_ROWS_PER_S, budget_peak_rss_mb: BUDGET_PEAK_RSS_MB, pass,
  });
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
