import { MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER } from './receipts-service.js';
import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

/**
 * Correctness under real concurrency: a listening server on a real SQLite file, hit by many
 * simultaneous HTTP requests (tills and kiosks), as in production.
 */
/** The fields these tests read from replies. */
interface Reply {
  error: { code: string };
  receiptId?: string;
  points: { earned: number };
  balanceAfter: number;
  balance: number;
}

async function listening(members: number) {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services, members);
  const headers = { ...(await t.staffHeaders('admin')), 'content-type': 'application/json' };
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${address}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Reply };
  };
  return { ...t, ...store, call };
}

describe('stress: concurrent tills and kiosks', () => {
  it('50 concurrent redemptions of one single-use code: exactly one succeeds', async () => {
    const t = await listening(50);
    const promo = await t.call('POST', '/api/v1/promotions', {
      id: 'promo-one', name: '5 off', discount: { type: 'amount', value: 500 }, target: { scope: 'basket' }, audience: { type: 'grant' },
      conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, stacking: 'stackable', limits: {},
    });
    expect(promo.status).toBe(201);
    expect((await t.call('POST', '/api/v1/codes', { promotionId: 'promo-one', codes: ['ONLYONCE'], maxUses: 1 })).status).toBe(201);

    // Half from tills (a receipt with the code), half from kiosks (claiming it for the shopper).
    const attempts = t.customers.map((customerId, i) =>
      i % 2 === 0
        ? t.call('POST', '/api/v1/receipts', sale(t.cards[i], [['p-coffee', 1, 1299]], { codes: ['onlyonce'] }))
        : t.call('POST', '/api/v1/codes/ONLYONCE/redeem', { customerId, idempotencyKey: `kiosk-claim-${i}`, deviceId: `kiosk-${i}` }),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.body.error.code).toBe('VITRINA_ERR_CODE_ALREADY_USED');
    expect((await t.services.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM code_redemptions WHERE code = 'ONLYONCE'"))!.n).toBe(1);
    // Only the winning till wrote a receipt, if the winner was a till.
    const receipts = (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts'))!.n;
    expect(receipts).toBe(ok[0]!.body.receiptId ? 1 : 0);
  });

  it('the same receipt posted 20 times at once awards points once', async () => {
    const t = await listening(1);
    const body = sale(t.cards[0], [['p-tv', 2, 49_999], ['p-milk', 3, 349]]);
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call('POST', '/api/v1/receipts', body)));
    // Beyond a few in flight for one shopper the till is told to retry (409); every answer that
    // was not refused is the one result.
    const answered = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect([r.status, r.body.error.code]).toEqual([409, 'VITRINA_ERR_CONFLICT']);
    const first = answered[0]!.body;
    for (const r of answered) expect(r.body).toEqual(first);
    expect(first.points.earned).toBe(1010); // (99 998 + 1 047) × 1 % = 1010.45
    const ledger = await t.services.db.all<{ kind: string; points: number }>('SELECT kind, points FROM points_ledger');
    expect(ledger).toEqual([{ kind: 'earn', points: 1010 }]);
    expect((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipt_lines'))!.n).toBe(2);
  });

  it('concurrent redemptions that together exceed the balance never take it below zero', async () => {
    const t = await listening(1);
    await t.call('POST', '/api/v1/loyalty/customers/cust-1/adjust', { points: 100, idempotencyKey: 'welcome-100', reason: 'test credit' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call('POST', '/api/v1/loyalty/customers/cust-1/redeem', { points: 30, idempotencyKey: `kiosk-redeem-${i}` })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.error.code).toBe('VITRINA_ERR_INSUFFICIENT_POINTS');
    const balances = results.filter((r) => r.status === 200).map((r) => r.body.balanceAfter).sort((a, b) => b - a);
    expect(balances).toEqual([70, 40, 10]);
    expect((await t.call('GET', '/api/v1/loyalty/customers/cust-1')).body.balance).toBe(10);

    // Two redemptions (a till's points tender and a kiosk reward) that only fit one at a time.
    const [till, kiosk] = await Promise.all([
      t.call('POST', '/api/v1/receipts', sale(t.cards[0], [['p-milk', 1, 349]], { pointsToRedeem: 8, storeTime: new Date().toISOString() })),
      t.call('POST', '/api/v1/loyalty/customers/cust-1/redeem', { points: 8, idempotencyKey: 'kiosk-redeem-last' }),
    ]);
    expect([till!.status, kiosk!.status].filter((s) => s === 200)).toHaveLength(1);
    expect((await t.call('GET', '/api/v1/loyalty/customers/cust-1')).body.balance).toBeGreaterThanOrEqual(0);
  });

  it('concurrent partial refunds of one receipt never refund more than was bought', async () => {
    const t = await listening(1);
    const original = sale(t.cards[0], [['p-coffee', 5, 1000]]);
    expect((await t.call('POST', '/api/v1/receipts', original)).body.points.earned).toBe(50);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => t.call('POST', '/api/v1/receipts', {
      kind: 'return', receiptId: `ret-c-${i}`, storeTime: '2026-06-11T15:00:00.000Z', originalReceiptId: original.receiptId, lines: [{ originalLineNo: 1, quantity: -1 }],
    })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.error.code).toBe('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE');
    const refunded = await t.services.db.get<{ s: number }>("SELECT SUM(total_minor) AS s FROM receipts WHERE kind = 'return'");
    expect(refunded!.s).toBe(-5000);
    expect((await t.call('GET', '/api/v1/loyalty/customers/cust-1?today=2026-06-11')).body.balance).toBe(0);
  });

  it('refuses a shopper\'s receipts beyond a few in flight (409), and takes them once the queue drains', async () => {
    const t = await listening(1);
    // Hold the writer, so that receipts queue deterministically behind it (no timing involved);
    // the service is called directly, since the HTTP guard's session read would queue too.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const held = t.services.db.transaction(async () => gate);
    const post = (i: number) => t.services.receipts.post(sale(t.cards[0], [['p-milk', 1, 349]], { receiptId: `queued-${i}` }));
    const admitted = Array.from({ length: MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER }, (_, i) => post(i));
    // The next ones are refused at once, while the writer is still held.
    for (const extra of [MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER, MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER + 1]) {
      await expect(post(extra)).rejects.toMatchObject({ code: 'VITRINA_ERR_CONFLICT' });
    }
    open();
    await held;
    expect((await Promise.all(admitted)).map((r) => r.receiptId)).toEqual(Array.from({ length: MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER }, (_, i) => `queued-${i}`));
    // Posted again once the queue drained, a refused receipt goes through.
    expect((await post(MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER)).receiptId).toBe(`queued-${MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER}`);
  });
});
