import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedLoyaltyStore } from '../../test-support/loyalty-store.js';
import { addDays } from '../../shared/calendar.js';
import { seedLoyaltyDemo } from './loyalty-program.js';

describe('seedLoyaltyDemo + history posted through the receipt service', () => {
  it('sets up the program, then historical receipts earn points and tiers in order', async () => {
    const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
    const { customers } = await seedLoyaltyStore(t.services, 4);
    const today = '2026-06-30';
    const demo = await seedLoyaltyDemo(t.services, { today });
    expect(demo).toMatchObject({ tiers: ['member', 'silver', 'gold'], codes: { singleUse: 'VIP-ONE-TIME', multiUse: 'WELCOME3' } });
    expect(demo!.giftCards.map((g) => g.balanceMinor)).toEqual([2500, 5000]);
    expect(await seedLoyaltyDemo(t.services, { today })).toBeNull();
    const assigned = await t.services.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM campaign_assignments WHERE campaign_id = 'cmp-favourites'");
    expect(assigned!.n).toBe(4);

    // 60 days of history, oldest first: cust-1 spends $30/day → gold; cust-4 buys once.
    const history = [];
    for (let d = 60; d >= 1; d--) {
      const storeTime = `${addDays(today, -d)}T16:00:00.000Z`;
      history.push({ kind: 'sale' as const, receiptId: `h-1-${d}`, storeTime, customerId: customers[0]!, lines: [{ productId: 'p-tv', quantity: 1, unitPriceMinor: 3000 }] });
      if (d % 10 === 0) history.push({ kind: 'sale' as const, receiptId: `h-2-${d}`, storeTime, customerId: customers[1]!, lines: [{ productId: 'p-bread', quantity: 2, unitPriceMinor: 450 }] });
    }
    history.push({ kind: 'sale' as const, receiptId: 'h-4-1', storeTime: `${addDays(today, -1)}T16:00:00.000Z`, customerId: customers[3]!, lines: [{ productId: 'p-milk', quantity: 1, unitPriceMinor: 349 }] });
    for (let i = 0; i < history.length; i += 25) await t.services.receipts.postMany(history.slice(i, i + 25));

    const b1 = await t.services.loyalty.balance(customers[0]!, { today });
    expect(b1.tier).toMatchObject({ id: 'gold', windowSpendMinor: 180_000 });
    // 1 % base; a receipt earns at the tier held before it: silver from the 10th ($270 reached
    // on the 9th), gold from the 21st ($600 reached on the 20th). 30 / 37.5 → 37 / 45 points.
    expect(b1.balance).toBe(9 * 30 + 11 * 37 + 40 * 45);
    // A seed can skip bad rows: each receipt runs in a savepoint, only the bad one is dropped.
    const mixed = await t.services.receipts.postMany([
      { kind: 'sale', receiptId: 'h-ok', storeTime: `${today}T12:00:00.000Z`, customerId: customers[2]!, lines: [{ productId: 'p-milk', quantity: 1, unitPriceMinor: 349 }] },
      { kind: 'sale', receiptId: 'h-bad', storeTime: `${today}T12:00:00.000Z`, customerId: customers[2]!, lines: [{ productId: 'p-gone', quantity: 1, unitPriceMinor: 349 }], codes: ['NOSUCHCODE'] },
      { kind: 'sale', receiptId: 'h-free', storeTime: `${today}T12:00:00.000Z`, customerId: customers[2]!, lines: [{ productId: 'p-milk', quantity: 1, unitPriceMinor: 0, discountMinor: 5 }] },
    ], { skipInvalid: true });
    expect(mixed.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['ok', 'VITRINA_ERR_CODE_UNKNOWN', 'VITRINA_ERR_RECEIPT_INVALID']);
    // The placeholder the bad receipt created for its unknown product went with its savepoint.
    expect(await t.services.catalog.names(['p-gone'])).toEqual(new Map());
    expect(await t.services.db.all<{ id: string }>("SELECT id FROM receipts WHERE id LIKE 'h-%' AND customer_id = ?", [customers[2]!])).toEqual([{ id: 'h-ok' }]);
    const b2 = await t.services.loyalty.balance(customers[1]!, { today });
    expect(b2).toMatchObject({ tier: { id: 'member' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/loyalty/tiers', headers: await t.staffHeaders('staff') })).json()).toHaveLength(3);
  });
});
