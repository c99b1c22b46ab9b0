import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar.js';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

/** Two shoppers with points lapsed on 2026-03-09 (valid 7 days from 1 March), and one with points earned now. */
async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services);
  const headers = await t.staffHeaders('admin');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const settings = (await api('GET', '/api/v1/loyalty/settings')).json();
  expect((await api('PUT', '/api/v1/loyalty/settings', { ...settings, validityDays: 7 })).statusCode).toBe(200);
  for (const card of [store.cards[0], store.cards[1]]) {
    expect((await api('POST', '/api/v1/receipts', sale(card, [['p-tv', 1, 10_000]], { storeTime: '2026-03-01T17:00:00.000Z' }))).statusCode).toBe(200);
  }
  expect((await api('POST', '/api/v1/receipts', sale(store.cards[2], [['p-tv', 1, 10_000]], { storeTime: new Date().toISOString() }))).statusCode).toBe(200);
  const ledger = () => t.services.db.all<{ id: number; kind: string; points: number }>('SELECT id, kind, points FROM points_ledger ORDER BY id');
  const today = t.services.loyalty.today();
  return { ...t, ...store, api, ledger, today };
}

describe('POST /api/v1/loyalty/expire (irreversible sweep)', () => {
  it('refuses a day after the store\'s today, a day that does not exist and a far-off day: 400, nothing written', async () => {
    const t = await setup();
    const before = await t.ledger();
    for (const today of ['2030-01-01', addDays(t.today, 1), '2026-02-31', '2019-01-01']) {
      for (const body of [{ today, confirm: true }, { today, dryRun: true }]) {
        const res = await t.api('POST', '/api/v1/loyalty/expire', body);
        expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, 'VITRINA_ERR_VALIDATION']);
      }
    }
    for (const today of ['9999-99-99', '2026-3-9']) {
      expect((await t.api('POST', '/api/v1/loyalty/expire', { today, confirm: true })).json().error.code).toBe('VITRINA_ERR_VALIDATION');
    }
    expect(await t.ledger()).toEqual(before);
    // The shopper who earned today still has every point.
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-3')).json().balance).toBe(100);
  });

  it('refuses a real run without confirm: true, and writes nothing', async () => {
    const t = await setup();
    const before = await t.ledger();
    for (const body of [{}, { today: '2026-03-09' }, { confirm: false }, { dryRun: false }]) {
      const res = await t.api('POST', '/api/v1/loyalty/expire', body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect((await t.api('POST', '/api/v1/loyalty/expire', { confirm: 'yes' })).statusCode).toBe(400);
    expect(await t.ledger()).toEqual(before);
  });

  it('previews with dryRun (counts, nothing written), then the confirmed run expires exactly that', async () => {
    const t = await setup();
    const before = await t.ledger();
    const preview = await t.api('POST', '/api/v1/loyalty/expire', { dryRun: true });
    expect(preview.json()).toEqual({ today: t.today, dryRun: true, customers: 2, lots: 2, points: 200 });
    // A past day is allowed; on 8 March nothing had lapsed yet.
    expect((await t.api('POST', '/api/v1/loyalty/expire', { today: '2026-03-08', dryRun: true })).json()).toMatchObject({ customers: 0, points: 0 });
    expect(await t.ledger()).toEqual(before);

    const run = await t.api('POST', '/api/v1/loyalty/expire', { confirm: true });
    expect(run.json()).toEqual({ today: t.today, dryRun: false, customers: 2, lots: 2, points: 200 });
    const after = await t.ledger();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((e) => [e.kind, e.points])).toEqual([['expire', -100], ['expire', -100]]);
    // Nothing left to preview or expire; the shopper with fresh points keeps them.
    expect((await t.api('POST', '/api/v1/loyalty/expire', { dryRun: true })).json()).toMatchObject({ customers: 0, lots: 0, points: 0 });
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-3')).json().balance).toBe(100);
  });
});

describe('GET /api/v1/loyalty/customers/:id?today=', () => {
  it('refuses days that do not exist and days more than 5 years away', async () => {
    const t = await setup();
    for (const today of ['2026-02-31', '9999-99-99', '2040-01-01', '2015-01-01']) {
      const res = await t.api('GET', `/api/v1/loyalty/customers/cust-1?today=${today}`);
      expect([res.statusCode, res.json().error.code], today).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect((await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-03-08')).json().balance).toBe(100);
  });
});
