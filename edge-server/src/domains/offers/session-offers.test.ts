import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';
import { storeDate } from '../../shared/store-time.js';

/**
 * What a kiosk session shows, through the real services and the real till: one card per product
 * (the best offer, ties by campaign priority), the till's own price after the discount, and the
 * till's own eligibility (segment, tier, total uses, the shopper's one use, budget) on both sides.
 */
async function setup() {
  const t = await build();
  const store = await seedLoyaltyStore(t.services, 3);
  const marketer = await t.staffHeaders('marketer');
  const till = await t.staffHeaders('staff');
  const post = (url: string, payload: object, headers = marketer) => t.app.inject({ method: 'POST', url, headers, payload });
  const today = storeDate(t.services.config.STORE_TIME_ZONE, new Date());
  const campaign = async (id: string, priority?: number) => {
    const res = await post('/api/v1/campaigns', { id, name: id, startsOn: '2000-01-01', endsOn: '2999-12-31', holdoutPct: 0, ...(priority === undefined ? {} : { priority }) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const offer = async (campaignId: string, productId: string, extra: Record<string, unknown>) => {
    const res = await post(`/api/v1/campaigns/${campaignId}/offers`, { productId, title: 'Deal', discountKind: 'percent', discountValue: 10, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().offerId as string;
  };
  const shown = async (customerId: string) => {
    const s = await t.services.scan.chooseOffers(customerId, [], today);
    await s.recorded;
    return s;
  };
  /** A clip as a fixture row: the shopper clipped it back when it was still theirs to have. */
  const clipRow = (customerId: string, offerId: string) =>
    t.services.db.run('INSERT INTO clipped_offers (customer_id, offer_id, clipped_at) VALUES (?, ?, ?)', [customerId, offerId, new Date().toISOString()]);
  /** The offer discount the till gave on a sale of one unit (0: it did not apply). */
  const buy = async (card: string, productId: string, price: number) => {
    const res = await post('/api/v1/receipts', sale(card, [[productId, 1, price]], { storeTime: new Date().toISOString() }), till);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { totalMinor: number; promotions: Array<{ promotionId: string; discountMinor: number }> };
  };
  return { ...t, ...store, post, today, campaign, offer, shown, clipRow, buy };
}

type T = Awaited<ReturnType<typeof setup>>;
const ids = (s: Awaited<ReturnType<T['shown']>>) => s.kiosk.map((o) => o.offerId);

describe('one card per product, the best offer for the shopper', () => {
  it('shows the best of several offers on a product once, with the till\'s price after it; a tie goes to the higher priority', async () => {
    const t = await setup();
    await t.campaign('cmp-low');
    await t.campaign('cmp-high', 5);
    const milk10 = await t.offer('cmp-low', 'p-milk', { discountValue: 10 });
    const milk20 = await t.offer('cmp-low', 'p-milk', { discountValue: 20 });
    const breadLow = await t.offer('cmp-low', 'p-bread', { discountValue: 10 });
    const breadHigh = await t.offer('cmp-high', 'p-bread', { discountValue: 10 });
    // Worth 100 points × 1 minor = 100 > 20 % of 399 (80): the points offer is the better one.
    const applesPoints = await t.offer('cmp-low', 'p-apples', { discountKind: 'points', discountValue: 100 });
    const apples20 = await t.offer('cmp-high', 'p-apples', { discountValue: 20 });

    const s = await t.shown('cust-1');
    expect(new Set(s.kiosk.map((o) => o.productId)).size).toBe(s.kiosk.length);
    expect(ids(s).sort()).toEqual([milk20, breadHigh, applesPoints].sort());
    for (const loser of [milk10, breadLow, apples20]) expect(ids(s)).not.toContain(loser);
    const byProduct = new Map(s.kiosk.map((o) => [o.productId, o]));
    // 20 % of 349 is 69.8 → 70 off (the engine rounds half up): 279, exact in minor units.
    expect(byProduct.get('p-milk')).toMatchObject({ priceMinor: 349, offerPriceMinor: 279, bonusPoints: 0 });
    expect(byProduct.get('p-bread')).toMatchObject({ priceMinor: 450, offerPriceMinor: 405 });
    expect(byProduct.get('p-apples')).toMatchObject({ priceMinor: 399, offerPriceMinor: 399, bonusPoints: 100 });
    // Signage follows the same rule: one card per product, never a loser.
    expect(new Set(s.signage.map((o) => o.offerId)).size).toBe(s.signage.length);
    for (const o of s.signage) expect([milk20, breadHigh, applesPoints]).toContain(o.offerId);

    // The till charges what the card said.
    await t.clipRow('cust-1', milk20);
    expect(await t.buy(t.cards[0]!, 'p-milk', 349)).toMatchObject({ totalMinor: 279 });
  });

  it('products that read the same on a card make one card', async () => {
    const t = await setup();
    await t.services.db.run("UPDATE products SET name = 'Fluid Milk White Only 1 ga' WHERE id IN ('p-milk', 'p-bread')");
    await t.campaign('cmp');
    await t.offer('cmp', 'p-milk', { discountValue: 20 });
    const better = await t.offer('cmp', 'p-bread', { discountValue: 30 });
    t.services.offers.invalidate();
    const s = await t.shown('cust-1');
    expect(s.kiosk.filter((o) => o.displayName === 'Fluid Milk White Only 1 ga').map((o) => o.offerId)).toEqual([better]);
  });
});

describe('the kiosk shows only what the till would apply (one eligibility rule)', () => {
  it('segment and tier: not shown to a shopper outside them, and not applied at the till even if clipped', async () => {
    const t = await setup();
    await t.campaign('cmp');
    const families = await t.offer('cmp', 'p-apples', { segment: 'families' });
    const gold = await t.offer('cmp', 'p-coffee', { tierIds: ['gold'] });
    await t.services.loyalty.replaceTiers([
      { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 },
      { id: 'gold', name: 'Gold', thresholdMinor: 10_000_00, multiplierPct: 150 },
    ]);
    await t.services.promotions.replaceSegment('families', ['cust-2']);

    expect(ids(await t.shown('cust-1'))).not.toContain(families);
    expect(ids(await t.shown('cust-2'))).toContain(families);
    for (const c of ['cust-1', 'cust-2']) expect(ids(await t.shown(c))).not.toContain(gold);

    await t.clipRow('cust-1', families);
    await t.clipRow('cust-1', gold);
    await t.clipRow('cust-2', families);
    expect((await t.buy(t.cards[0]!, 'p-apples', 399)).totalMinor).toBe(399);
    expect((await t.buy(t.cards[0]!, 'p-coffee', 1299)).totalMinor).toBe(1299);
    expect((await t.buy(t.cards[1]!, 'p-apples', 399)).totalMinor).toBe(359);
  });

  it('total uses, the shopper\'s own use and the budget: used up → not shown, and a clip made before does not apply', async () => {
    const t = await setup();
    await t.campaign('cmp');
    const once = await t.offer('cmp', 'p-bread', { maxUses: 1 });
    const budget = await t.offer('cmp', 'p-tv', { discountValue: 50, budgetMinor: 300_00 });
    for (const c of ['cust-1', 'cust-2', 'cust-3']) expect(ids(await t.shown(c))).toEqual(expect.arrayContaining([once, budget]));
    for (const c of ['cust-1', 'cust-2', 'cust-3']) { await t.clipRow(c, once); await t.clipRow(c, budget); }

    // cust-1 takes the single use; the TV's 50 % (249.995 → 250.00) fits the 300.00 budget; 50.00 is left.
    expect((await t.buy(t.cards[0]!, 'p-bread', 450)).totalMinor).toBe(405);
    expect((await t.buy(t.cards[0]!, 'p-tv', 49_999)).totalMinor).toBe(24_999);
    // cust-1 has had each offer once; cust-2 sees the rest of the budget as the price after it.
    const s1 = await t.shown('cust-1');
    expect(ids(s1)).not.toContain(once);
    expect(ids(s1)).not.toContain(budget);
    const s2 = await t.shown('cust-2');
    expect(ids(s2)).not.toContain(once);
    expect(s2.kiosk.find((o) => o.offerId === budget)).toMatchObject({ offerPriceMinor: 49_999 - 50_00 });
    expect((await t.buy(t.cards[1]!, 'p-bread', 450)).totalMinor).toBe(450);
    expect((await t.buy(t.cards[1]!, 'p-tv', 49_999)).totalMinor).toBe(49_999 - 50_00);
    // Budget spent: nobody is shown it, and cust-3's earlier clip gives nothing at the till.
    expect(ids(await t.shown('cust-3'))).not.toContain(budget);
    expect((await t.buy(t.cards[2]!, 'p-tv', 49_999)).totalMinor).toBe(49_999);
  });
});
