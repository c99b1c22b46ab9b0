import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { seedLoyaltyStore } from '../../test-support/loyalty-store.js';

async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  await seedLoyaltyStore(t.services);
  const headers = await t.staffHeaders('marketer');
  const api = (method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers, payload });
  const members = () => t.services.db.all<{ segment: string; customer_id: string }>('SELECT segment, customer_id FROM segment_members ORDER BY segment, customer_id');
  return { ...t, api, members };
}

describe('segments refuse unknown customers and write nothing', () => {
  it('answers 404 VITRINA_ERR_CUSTOMER_UNKNOWN for an unknown, a __proto__ or an erased id, and keeps the segment as it was', async () => {
    const t = await setup();
    expect((await t.api('PUT', '/api/v1/segments/vip', { customerIds: ['cust-1', 'cust-2'] })).json()).toEqual({ segment: 'vip', members: 2 });
    const before = await t.members();
    await t.services.db.run("UPDATE customers SET erased_at = '2026-01-01T00:00:00Z' WHERE id = 'cust-3'");
    for (const customerIds of [['nobody'], ['__proto__'], ['cust-1', 'nobody'], ['cust-3']]) {
      const res = await t.api('PUT', '/api/v1/segments/vip', { customerIds });
      expect([res.statusCode, res.json().error.code], customerIds.join()).toEqual([404, 'VITRINA_ERR_CUSTOMER_UNKNOWN']);
      expect(await t.members()).toEqual(before);
    }
    // A new segment with a bad id is not created either.
    expect((await t.api('PUT', '/api/v1/segments/new', { customerIds: ['nobody'] })).statusCode).toBe(404);
    expect(await t.members()).toEqual(before);
  });

  it('counts duplicates once and replaces the list', async () => {
    const t = await setup();
    expect((await t.api('PUT', '/api/v1/segments/vip', { customerIds: ['cust-1', 'cust-1', 'cust-2'] })).json()).toEqual({ segment: 'vip', members: 2 });
    expect((await t.api('PUT', '/api/v1/segments/vip', { customerIds: ['cust-3'] })).json()).toEqual({ segment: 'vip', members: 1 });
    expect(await t.members()).toEqual([{ segment: 'vip', customer_id: 'cust-3' }]);
  });
});

describe('promotion periods', () => {
  const promotion = (startsOn: string, endsOn: string) => ({
    name: 'Ten off', discount: { type: 'percent', value: 10 }, target: { scope: 'basket' }, audience: { type: 'all' },
    conditions: { startsOn, endsOn }, stacking: 'stackable', limits: {},
  });

  it('refuse days that do not exist or fall outside 2000-01-01 … 2099-12-31, writing nothing', async () => {
    const t = await setup();
    const count = async () => (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM promotions'))!.n;
    for (const [from, to] of [['2026-02-31', '2026-03-31'], ['2026-02-01', '2026-02-30'], ['1999-12-31', '2026-03-31'], ['2026-01-01', '2100-01-01'], ['2026-13-01', '2026-12-31']] as const) {
      const res = await t.api('POST', '/api/v1/promotions', promotion(from, to));
      expect([res.statusCode, res.json().error.code], `${from} … ${to}`).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect(await count()).toBe(0);
    expect((await t.api('POST', '/api/v1/promotions', promotion('2026-02-01', '2026-02-28'))).statusCode).toBe(201);
    expect(await count()).toBe(1);
  });
});
