/**
 * CommerceML import speed: a generated import.xml + offers.xml of PRODUCTS products (default
 * 100,000; bench/commerceml-fixture.ts) in a temp folder, imported into a fresh store through
 * the same code as `npm run import -- catalog`. Prints one JSON line with products/s; the
 * budget is 60 s for both files of 100k products.
 *
 *   npm run bench -- --only commerceml [products]
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { writeCommerceMlFixture } from './commerceml-fixture.js';
import { emit } from './report.js';

const products = Number(process.argv[2] ?? 100_000);
const BUDGET_S = 60;
const dir = mkdtempSync(join(tmpdir(), 'vitrina-commerceml-bench-'));
try {
  const files = await writeCommerceMlFixture(dir, products);
  const config = loadConfig({}, { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'production', STORE_ID: 'bench', DEMO_SEED: false });
  const store = await composeServices({ config, secret: 'ab'.repeat(32), log: pino({ level: 'silent' }), background: false });
  const t0 = performance.now();
  const catalog = await store.catalog.importCommerceMl(createReadStream(files.importXml));
  const t1 = performance.now();
  const offers = await store.catalog.importCommerceMl(createReadStream(files.offersXml));
  const t2 = performance.now();
  await store.close();
  const importS = (t1 - t0) / 1000;
  const offersS = (t2 - t1) / 1000;
  const mb = (f: string) => Math.round(statSync(f).size / 1e5) / 10;
  emit({
    bench: 'commerceml', products: catalog.productsImported, rejected: catalog.rejectedCount + offers.rejectedCount, prices: offers.pricesImported,
    import_mb: mb(files.importXml), offers_mb: mb(files.offersXml),
    import_s: Math.round(importS * 10) / 10, offers_s: Math.round(offersS * 10) / 10,
    products_per_s: Math.round(catalog.productsImported / importS), offers_per_s: Math.round(products / offersS),
    budget_s: BUDGET_S, pass: importS + offersS < BUDGET_S && catalog.productsImported === products,
  });
  process.exitCode = importS + offersS < BUDGET_S ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
