import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services);
  const headers = await t.staffHeaders('admin');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { ...t, ...store, api };
}

describe('calendar boundaries in the store time zone', () => {
  it('points stay valid to the last second of their last day, across the spring DST change', async () => {
    const t = await setup();
    const settings = (await t.api('GET', '/api/v1/loyalty/settings')).json();
    expect((await t.api('PUT', '/api/v1/loyalty/settings', { ...settings, validityDays: 7 })).statusCode).toBe(200);
    // Earned on 1 March (local): last valid day 8 March, the day clocks go forward in New York.
    await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-tv', 1, 10_000]], { storeTime: '2026-03-01T17:00:00.000Z' }));
    const onFirst = (await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-03-01&withinDays=8')).json();
    expect(onFirst.expiring).toEqual({ withinDays: 8, points: 100, byDate: [{ date: '2026-03-08', points: 100 }] });

    // 03:59:59Z on 9 March is 23:59:59 EDT on 8 March: still valid.
    const last = await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-milk', 1, 349]], { storeTime: '2026-03-09T03:59:59.000Z', pointsToRedeem: 10 }));
    expect(last.json()).toMatchObject({ localDate: '2026-03-08', points: { redeemed: 10, earned: 3, balanceAfter: 93 } });
    // One second later it is 9 March locally: the 90 left have lapsed, only the 3 new points remain.
    const late = await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-milk', 1, 349]], { storeTime: '2026-03-09T04:00:00.000Z', pointsToRedeem: 10 }));
    expect(late.json().error.code).toBe('VITRINA_ERR_INSUFFICIENT_POINTS');
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-03-09')).json().balance).toBe(3);

    // The sweep materializes the lapse once; the derived balance does not change.
    expect((await t.api('POST', '/api/v1/loyalty/expire', { today: '2026-03-09', confirm: true })).json()).toEqual({ today: '2026-03-09', dryRun: false, customers: 1, lots: 1, points: 90 });
    expect((await t.api('POST', '/api/v1/loyalty/expire', { today: '2026-03-09', confirm: true })).json()).toEqual({ today: '2026-03-09', dryRun: false, customers: 0, lots: 0, points: 0 });
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-03-09')).json().balance).toBe(3);
  });

  it('pending points become spendable on their day', async () => {
    const t = await setup();
    const settings = (await t.api('GET', '/api/v1/loyalty/settings')).json();
    await t.api('PUT', '/api/v1/loyalty/settings', { ...settings, pendingDays: 14 });
    await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-tv', 1, 10_000]], { storeTime: '2026-06-01T17:00:00.000Z' }));
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-06-14')).json()).toMatchObject({ balance: 0, pending: 100 });
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-06-15')).json()).toMatchObject({ balance: 100, pending: 0 });
  });

  it('a promotion ending on 1 November applies until midnight store time, across the autumn DST change', async () => {
    const t = await setup();
    const created = await t.api('POST', '/api/v1/promotions', {
      id: 'promo-nov', name: '10% off', discount: { type: 'percent', value: 10 }, target: { scope: 'basket' }, audience: { type: 'all' },
      conditions: { startsOn: '2026-10-01', endsOn: '2026-11-01' }, stacking: 'stackable', limits: {},
    });
    expect(created.statusCode).toBe(201);
    // Clocks went back at 02:00 on 1 November: midnight that night is 05:00Z.
    const inTime = await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-coffee', 1, 1299]], { storeTime: '2026-11-02T04:59:59.000Z' }));
    expect(inTime.json()).toMatchObject({ localDate: '2026-11-01', totalMinor: 1169, promotions: [{ promotionId: 'promo-nov', discountMinor: 130 }] });
    const tooLate = await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-coffee', 1, 1299]], { storeTime: '2026-11-02T05:00:00.000Z' }));
    expect(tooLate.json()).toMatchObject({ localDate: '2026-11-02', totalMinor: 1299, promotions: [] });
  });
});
