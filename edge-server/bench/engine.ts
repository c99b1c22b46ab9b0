/**
 * Receipts per second through the promotions engine: carded sales posted to the real
 * POST /api/v1/receipts (Fastify inject, real SQLite file, every write of a receipt in its one
 * transaction) with no live promotion (the floor) and with 20 live promotions of mixed types
 * (percent, amount, fixed price, points, 3-for-2, buy-x-get-y, gift, cheapest, bundle, threshold
 * tiers, cumulative, coupon, time windows, best-of and exclusive ones). The two alternate in
 * ROUNDS rounds (the promotions paused for the floor), so a machine whose load drifts weighs on
 * both alike. Prints one JSON line per phase and a summary with the ratio. Budget: with 20
 * promotions the till keeps at least half the floor's rate.
 *
 *   npm run bench -- --only engine [receipts per phase, default 1500]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/load.js';
import { seedLoyaltyStore } from '../src/test-support/loyalty-store.js';
import { emit } from './report.js';

const PER_PHASE = Number(process.argv[2] ?? 1500);
const IN_FLIGHT = 8;
const MEMBERS = 64;
const BUDGET_RATIO = 0.5;
const ROUNDS = 3;

const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-engine-bench-'));
const config = loadConfig({}, { NODE_ENV: 'production', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent', STORE_TIME_ZONE: 'Europe/Moscow' });
const { app, services } = await buildApp({ config, secret: randomBytes(32).toString('hex'), passwordCost: { log2N: 10, r: 8, p: 1 } });
await app.ready();

try {
  const { cards } = await seedLoyaltyStore(services, MEMBERS);
  await services.auth.createUser('bench-admin', 'correct horse battery', 'admin');
  const { token } = await services.auth.login('bench-admin', 'correct horse battery');
  const headers = { authorization: `Bearer ${token}` };
  const today = services.loyalty.today();
  const storeTime = new Date().toISOString();

  let seq = 0;
  /** A carded basket of 3–5 lines drawn from the test store's products. */
  const basket = () => {
    const i = seq++;
    const lines = [
      { productId: 'p-apples', quantity: 3 + (i % 3), unitPriceMinor: 399 },
      { productId: 'p-milk', quantity: 1 + (i % 2), unitPriceMinor: 349 },
      { productId: 'p-coffee', quantity: 1 + (i % 4), unitPriceMinor: 1299 },
    ];
    if (i % 2 === 0) lines.push({ productId: 'p-bread', quantity: 2, unitPriceMinor: 450 });
    if (i % 5 === 0) lines.push({ productId: 'p-tv', quantity: 1, unitPriceMinor: 49_999 });
    return { kind: 'sale', receiptId: `bench-${i}`, storeTime, cardNumber: cards[i % cards.length], lines };
  };

  const totals = new Map<string, { receipts: number; seconds: number; failed: number; applied: number }>();
  /** One round of `count` receipts, IN_FLIGHT at a time; adds to the phase's totals. */
  async function round(name: string, count: number) {
    let next = 0;
    const t = totals.get(name) ?? { receipts: 0, seconds: 0, failed: 0, applied: 0 };
    const started = performance.now();
    const worker = async () => {
      while (next < count) {
        next++;
        const res = await app.inject({ method: 'POST', url: '/api/v1/receipts', headers, payload: basket() });
        if (res.statusCode !== 200) t.failed++;
        else t.applied += (res.json() as { promotions: unknown[] }).promotions.length;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    t.seconds += (performance.now() - started) / 1000;
    t.receipts += count;
    totals.set(name, t);
  }
  function report(name: string, promotions: number) {
    const t = totals.get(name)!;
    const rate = Math.round((t.receipts / t.seconds) * 10) / 10;
    emit({ bench: 'engine', phase: name, promotions, receipts: t.receipts, rounds: ROUNDS, failed: t.failed, promotions_applied_per_receipt: Math.round((t.applied / t.receipts) * 100) / 100, seconds: Math.round(t.seconds * 100) / 100, receipts_per_s: rate });
    return { rate, failed: t.failed };
  }

  const period = { startsOn: today, endsOn: today };
  const base = { audience: { type: 'all' }, limits: {}, target: { scope: 'basket' } };
  const none = { type: 'amount', value: 0 };
  const defs: Array<Record<string, unknown>> = [
    { name: 'Basket 3 %', discount: { type: 'percent', value: 3 }, stacking: 'stackable' },
    { name: 'Dairy 5 %', discount: { type: 'percent', value: 5 }, target: { scope: 'category', categories: ['Dairy'] }, stacking: 'stackable' },
    { name: 'Bread 20 off', discount: { type: 'amount', value: 20 }, target: { scope: 'product', productIds: ['p-bread'] }, stacking: 'stackable' },
    { name: 'Milk at 299', discount: { type: 'price', value: 299 }, target: { scope: 'product', productIds: ['p-milk'] }, stacking: 'best_of' },
    { name: 'Coffee points', discount: { type: 'points', value: 50 }, target: { scope: 'product', productIds: ['p-coffee'] }, stacking: 'stackable' },
    { name: 'Apples 3 for 2', discount: none, target: { scope: 'product', productIds: ['p-apples'] }, stacking: 'stackable', rule: { kind: 'n_for_m', buy: 3, pay: 2 } },
    { name: 'Coffee 2 + milk', discount: none, stacking: 'stackable', rule: { kind: 'buy_x_get_y', buyProductIds: ['p-coffee'], buyQuantity: 2, getProductIds: ['p-milk'], getQuantity: 1, percent: 100 } },
    { name: 'Bread gift', discount: none, stacking: 'stackable', rule: { kind: 'gift', productId: 'p-bread', minBasketMinor: 3000 } },
    { name: 'Cheapest of 4 half', discount: none, stacking: 'best_of', rule: { kind: 'cheapest', setSize: 4, percent: 50 } },
    { name: 'Breakfast bundle', discount: none, stacking: 'stackable', rule: { kind: 'bundle', items: [{ productId: 'p-coffee', quantity: 1 }, { productId: 'p-bread', quantity: 1 }], priceMinor: 1500 } },
    { name: 'Spend tiers', discount: none, stacking: 'best_of', rule: { kind: 'threshold', tiers: [{ fromMinor: 3000, percent: 5 }, { fromMinor: 6000, percent: 8 }] } },
    { name: 'Loyal tiers', discount: none, stacking: 'best_of', rule: { kind: 'cumulative', tiers: [{ fromMinor: 10_000, percent: 2 }, { fromMinor: 100_000, percent: 4 }] } },
    { name: 'All-day hour', discount: { type: 'percent', value: 2 }, stacking: 'stackable', conditions: { ...period, timeWindow: { from: '00:00', to: '23:59' } } },
    { name: 'Night owl', discount: { type: 'percent', value: 4 }, stacking: 'stackable', conditions: { ...period, timeWindow: { from: '23:00', to: '01:00' } } },
    { name: 'TV 10 % exclusive', discount: { type: 'percent', value: 10 }, target: { scope: 'category', categories: ['TV'] }, stacking: 'exclusive' },
    { name: 'Big basket 500', discount: { type: 'amount', value: 500 }, stacking: 'exclusive', conditions: { ...period, minBasketMinor: 50_000 } },
    { name: 'Weekday 1 %', discount: { type: 'percent', value: 1 }, stacking: 'stackable', conditions: { ...period, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] } },
    { name: 'Not the TV', discount: { type: 'percent', value: 1 }, stacking: 'stackable', conditions: { ...period, excludeProductIds: ['p-tv'] } },
    { name: 'Limited 10 000', discount: { type: 'amount', value: 10 }, stacking: 'stackable', limits: { maxUses: 100_000, budgetMinor: 100_000_000 } },
  ];
  await app.inject({ method: 'POST', url: '/api/v1/promotions', headers, payload: { ...base, id: 'next-order', name: 'Next order 5 %', discount: { type: 'percent', value: 5 }, audience: { type: 'grant' }, conditions: period, stacking: 'stackable' } });
  defs.push({ name: 'Coupon', discount: none, stacking: 'stackable', rule: { kind: 'coupon', promotionId: 'next-order', validDays: 14 } });
  const ids: string[] = [];
  for (const d of defs) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/promotions', headers, payload: { ...base, conditions: period, ...d } });
    if (res.statusCode !== 201) throw new Error(`promotion refused: ${res.body}`);
    ids.push((res.json() as { id: string }).id);
  }
  ids.push('next-order');
  const setAll = async (status: 'live' | 'paused') => {
    for (const id of ids) await app.inject({ method: 'POST', url: `/api/v1/promotions/${id}/status`, headers, payload: { status } });
  };
  // 20 live to every shopper + the coupon's target (a grant, live only for coupon holders).
  const perRound = Math.ceil(PER_PHASE / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    await setAll('paused');
    await round('floor', perRound);
    await setAll('live');
    await round('promotions', perRound);
  }
  const floor = report('floor', 0);
  const withPromotions = report('promotions', defs.length);
  const ratio = Math.round((withPromotions.rate / floor.rate) * 100) / 100;
  const pass = floor.failed === 0 && withPromotions.failed === 0 && ratio >= BUDGET_RATIO;
  emit({ bench: 'engine', floor_receipts_per_s: floor.rate, promotions: defs.length, receipts_per_s: withPromotions.rate, ratio, budget_ratio: BUDGET_RATIO, in_flight: IN_FLIGHT, pass });
  process.exitCode = pass ? 0 : 1;
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
