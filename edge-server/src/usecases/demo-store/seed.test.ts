import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { build } from '../../test-support/build.js';
import { seedDemoStoreIfEmpty } from './seed.js';
import { SEED_FILE, loadDemoSeed } from './load-seed.js';
import { demoCardNumber } from './cards.js';
import { isValidEan13 } from '../../domains/cards/index.js';

describe('demo store seed', () => {
  it('is compact and built from real Complete Journey households', () => {
    expect(statSync(SEED_FILE).size).toBeLessThan(2 * 1024 * 1024);
    const seed = loadDemoSeed();
    expect(seed.source).toMatch(/Complete Journey/);
    expect(seed.households.length).toBeGreaterThanOrEqual(200);
    expect(seed.offers.length).toBeGreaterThan(10);
    const productIds = new Set(seed.products.map((p) => p[0]));
    for (const [, , , lines] of seed.baskets.slice(0, 500)) for (const [pid] of lines) expect(productIds.has(pid)).toBe(true);
  });

  it('seeds once, with valid EAN-13 cards that the kiosk recognizes, and is idempotent', async () => {
    const { services, dataDir } = await build();
    expect(await seedDemoStoreIfEmpty(services)).toBe(true);
    const seed = loadDemoSeed();
    expect(await services.customers.count()).toBe(seed.households.length);
    const card = demoCardNumber(0);
    expect(isValidEan13(card)).toBe(true);
    const recognized = await services.cards.recognize(card, 'scanner');
    expect(recognized.status).toBe('known');
    // History went through the receipt service: members have points and some reached a higher tier.
    const summary = await services.loyalty.summaryOf(recognized.status === 'known' ? recognized.customerId : '');
    expect(summary.pointsBalance).toBeGreaterThan(0);
    const ids = (await services.db.all<{ id: string }>('SELECT id FROM customers ORDER BY id LIMIT 40')).map((r) => r.id);
    const tierNames = new Set(await Promise.all(ids.map(async (id) => (await services.loyalty.summaryOf(id)).tier.name)));
    expect(tierNames.size).toBeGreaterThan(1);
    // History landed, shifted so that the latest receipt is recent.
    const latest = await services.db.get<{ t: string }>('SELECT MAX(store_time) AS t FROM receipts');
    expect(Date.now() - Date.parse(latest!.t)).toBeLessThan(3 * 86_400_000);
    // Card numbers are not stored in clear anywhere.
    const cards = await services.db.all<{ hmac: string; last4: string }>('SELECT hmac, last4 FROM cards LIMIT 5');
    for (const c of cards) expect(c.hmac).toMatch(/^[0-9a-f]{64}$/);
    const before = await services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts');
    expect(await seedDemoStoreIfEmpty(services)).toBe(false);
    expect(await services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts')).toEqual(before);
    expect(statSync(`${dataDir}/demo.json`).mode & 0o077).toBe(0);
  }, 180_000);
});
