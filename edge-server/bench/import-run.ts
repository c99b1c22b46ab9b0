/**
 * Import benchmark: a fresh store with 2,000 products and 5,000 customers, a generated CSV of
 * LINES lines (default 1,000,000, ~10 lines a receipt) in a temp folder, imported through
 * the same code path as `npm run import`. Prints one JSON line (for `npm run bench`).
 *
 * Run it through `npm run bench -- --only import` (bench/import.ts).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { CSV_COLUMNS } from '../src/domains/purchases/index.js';

export async function benchImport(lines = 1_000_000) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-import-bench-'));
  try {
    const config = loadConfig({}, { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'production', STORE_ID: 'bench', STORE_TIME_ZONE: 'America/New_York' });
    const store = await composeServices({ config, secret: 'ab'.repeat(32), log: pino({ level: 'silent' }), background: false });
    // Bench fixtures written directly: the import under test is what reads them.
    await store.db.transaction(async (tx) => {
      for (let p = 0; p < 2000; p++) await tx.run("INSERT INTO products (id, name, department, category, price_minor) VALUES (?, ?, 'Dept', 'Cat', 199)", [`p${p}`, `Product ${p}`]);
      const now = new Date().toISOString();
      for (let c = 0; c < 5000; c++) await tx.run('INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES (?, ?, ?)', [`c${c}`, now, now]);
    });
    const csv = join(dir, 'receipts.csv');
    const out = createWriteStream(csv);
    out.write(`${CSV_COLUMNS.join(',')}\n`);
    let written = 0;
    let receipt = 0;
    let seed = 42;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const t0 = Date.UTC(2024, 0, 1);
    while (written < lines) {
      receipt++;
      const size = Math.min(1 + rnd(19), lines - written);
      const at = new Date(t0 + receipt * 300_000).toISOString();
      const customer = rnd(10) < 8 ? `c${rnd(5000)}` : '';
      let chunk = '';
      for (let i = 0; i < size; i++) chunk += `r${receipt},${at},${customer},p${rnd(2000)},${1 + rnd(3)},${99 + rnd(2000)},${rnd(4) === 0 ? 10 : 0}\n`;
      written += size;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const report = await store.purchases.importCsv(createReadStream(csv), { storeId: 'bench', timeZone: 'America/New_York' });
    await store.close();
    return {
      bench: 'import', lines: report.linesRead, receipts: report.receiptsImported, rejected: report.rowsRejected,
      file_mb: Math.round(statSync(csv).size / 1e5) / 10, seconds: report.seconds, lines_per_s: Math.round(report.linesRead / report.seconds), budget_s: 60, pass: report.seconds < 60,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
