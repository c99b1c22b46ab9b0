/**
 * Derives the compact demo seed from ../shared/datasets/completejourney (CC0):
 * the households with the most baskets in the sample, their whole sampled history, the
 * products they bought, and offers on products that the chain really couponed.
 *
 *   npm run demo:seed-build [-- --data <datasets dir>] [--households 400]
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import type { DemoSeed } from '../usecases/demo-store/seed-format.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const dataDir = arg('--data') ?? process.env.VITRINA_DATASETS ?? `${ROOT}../shared/datasets`;
const dir = `${dataDir}/completejourney`;
const HOUSEHOLDS = Number(arg('--households') ?? 300);
const OUT = `${ROOT}edge-server/seed/demo-seed.json.gz`;

if (!existsSync(`${dir}/transactions_sample.csv.gz`)) {
  console.error(`Complete Journey data not found in ${dir}. Pass --data <datasets dir> or set VITRINA_DATASETS.`);
  process.exit(2);
}

async function* rows(file: string): AsyncGenerator<Record<string, string>> {
  yield* createReadStream(`${dir}/${file}`).pipe(createGunzip()).pipe(parse({ columns: true, relax_column_count: true }));
}

const cents = (v: string) => Math.round(Number(v) * 100);
const titleCase = (s: string) => s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());

// 1. Transactions grouped by household and basket.
const txByHousehold = new Map<string, Map<string, { at: string; lines: Array<[string, number, number, number]> }>>();
let last = '';
for await (const r of rows('transactions_sample.csv.gz')) {
  const hh = r.household_id!;
  const baskets = txByHousehold.get(hh) ?? new Map();
  txByHousehold.set(hh, baskets);
  // "2017-01-28 14:06:53-0500" → ISO instant in UTC
  const at = new Date(r.transaction_timestamp!.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
  if (at > last) last = at;
  const b = baskets.get(r.basket_id!) ?? { at, lines: [] };
  baskets.set(r.basket_id!, b);
  const qty = Math.max(1, Math.round(Number(r.quantity)));
  b.lines.push([r.product_id!, qty, cents(r.sales_value!), cents(r.retail_disc!) + cents(r.coupon_disc!)]);
}

// 2. The households with the most baskets (ties by id, so the seed is reproducible).
const chosen = [...txByHousehold.entries()]
  .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
  .slice(0, HOUSEHOLDS);
const productIds = new Set<string>();
const baskets: DemoSeed['baskets'] = [];
const buyers = new Map<string, number>();
for (const [hh, bs] of chosen) {
  const seen = new Set<string>();
  for (const [basketId, b] of bs) {
    baskets.push([hh, basketId, b.at, b.lines]);
    for (const l of b.lines) { productIds.add(l[0]); if (!seen.has(l[0])) { seen.add(l[0]); buyers.set(l[0], (buyers.get(l[0]) ?? 0) + 1); } }
  }
}
baskets.sort((a, b) => a[2].localeCompare(b[2]) || a[1].localeCompare(b[1]));

// 3. Shelf price: median of (sales + discounts) / quantity over all sampled lines.
const unitPrices = new Map<string, number[]>();
for (const [, bs] of txByHousehold) for (const [, b] of bs) for (const [pid, q, sales, disc] of b.lines) {
  const list = unitPrices.get(pid) ?? [];
  list.push(Math.round((sales + Math.max(0, -disc) + Math.max(0, disc)) / q));
  unitPrices.set(pid, list);
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? null; };

// 4. Couponed products (real campaigns of the chain) → live offers in the demo store.
const campaignType = new Map<string, string>();
for await (const r of rows('campaign_descriptions.csv.gz')) campaignType.set(r.campaign_id!, r.campaign_type!);
const couponed = new Map<string, string>();
for await (const r of rows('coupons.csv.gz')) if (productIds.has(r.product_id!) && !couponed.has(r.product_id!)) couponed.set(r.product_id!, campaignType.get(r.campaign_id!) ?? 'Type A');

const products: DemoSeed['products'] = [];
for await (const r of rows('products.csv.gz')) {
  const id = r.product_id!;
  if (!productIds.has(id)) continue;
  const type = r.product_type || r.product_category || 'Item';
  const name = `${titleCase(type)}${r.package_size ? ` ${r.package_size.toLowerCase()}` : ''}`.trim();
  products.push([id, name, titleCase(r.department || 'Misc'), titleCase(r.product_category || r.department || 'Misc'), r.brand || '', median(unitPrices.get(id) ?? []) ?? null]);
}
const productDept = new Map(products.map((p) => [p[0], p[2]]));
// A few sampled lines name products missing from products.csv: drop them (and emptied baskets).
let droppedLines = 0;
for (const b of baskets) {
  const kept = b[3].filter((l) => productDept.has(l[0]));
  droppedLines += b[3].length - kept.length;
  b[3] = kept;
}
const keptBaskets = baskets.filter((b) => b[3].length > 0);

const offers: DemoSeed['offers'] = [...couponed.entries()]
  .filter(([pid]) => productDept.get(pid) && (buyers.get(pid) ?? 0) >= 2)
  .sort((a, b) => (buyers.get(b[0]) ?? 0) - (buyers.get(a[0]) ?? 0) || a[0].localeCompare(b[0]))
  .slice(0, 40)
  .map(([pid, type], i) => [pid, type, [10, 15, 20, 25, 30][i % 5]!]);

const ages = new Map<string, string>();
for await (const r of rows('demographics.csv.gz')) ages.set(r.household_id!, r.age!);

const seed: DemoSeed = {
  source: 'dunnhumby / 84.51° The Complete Journey (R package completejourney 1.1.1, CC0)',
  builtAt: new Date().toISOString(),
  lastInstant: last,
  products,
  households: chosen.map(([hh]) => [hh, ages.get(hh) ?? null]),
  baskets: keptBaskets,
  offers,
};
const gz = gzipSync(JSON.stringify(seed), { level: 9 });
writeFileSync(OUT, gz);
console.log(JSON.stringify({ out: OUT, bytes: gz.length, households: seed.households.length, baskets: keptBaskets.length, lines: keptBaskets.reduce((n, b) => n + b[3].length, 0), droppedLines, products: products.length, offers: offers.length }));
