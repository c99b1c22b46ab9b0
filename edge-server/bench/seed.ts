/**
 * Demo store seeding: the committed seed (300 households, 17,011 receipts) posted through the
 * receipt service — points, tiers, promotions — into a fresh store, as `npm start` does on a
 * fresh clone (budget: 20 s on the 2-core development machine). Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { seedDemoStoreIfEmpty } from '../src/usecases/demo-store/seed.js';
import { emit } from './report.js';

const BUDGET_S = 20;
const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-seed-bench-'));
try {
  const config = loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const store = await composeServices({ config, secret: 'ab'.repeat(32), log: pino({ level: 'silent' }), background: false });
  const started = performance.now();
  await seedDemoStoreIfEmpty(store);
  const seconds = (performance.now() - started) / 1000;
  const receipts = await store.purchases.countReceipts();
  const customers = await store.customers.count();
  await store.close();
  emit({ bench: 'demo_seed', customers, receipts, seconds: Math.round(seconds * 100) / 100, receipts_per_s: Math.round(receipts / seconds), budget_s: BUDGET_S, pass: seconds <= BUDGET_S });
  process.exitCode = seconds <= BUDGET_S ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
