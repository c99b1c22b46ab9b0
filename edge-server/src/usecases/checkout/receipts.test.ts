import { describe, expect, it } from 'vitest';
import { makeEan13 } from '../../domains/cards/index.js';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services);
  const headers = await t.staffHeaders('staff');
  const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers, payload: body as object });
  const balance = async (id: string, today = '2026-06-10') => (await t.app.inject({ method: 'GET', url: `/api/v1/loyalty/customers/${id}?today=${today}`, headers })).json();
  const counts = async () => ({
    receipts: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts'))!.n,
    ledger: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM points_ledger'))!.n,
  });
  return { ...t, ...store, headers, post, balance, counts };
}

describe('POST /api/v1/receipts', () => {
  it('refuses a store time before 2000-01-01 or more than a day ahead of the clock: 400, nothing written', async () => {
    const t = await setup();
    const before = await t.counts();
    const tooLate = new Date(Date.now() + 2 * 86_400_000).toISOString();
    for (const storeTime of ['0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', tooLate, '9999-12-31T00:00:00Z']) {
      const res = await t.post(sale(t.cards[0], [['p-milk', 1, 349]], { storeTime }));
      expect([res.statusCode, res.json().error.code], storeTime).toEqual([400, 'VITRINA_ERR_VALIDATION']);
      const quote = await t.app.inject({ method: 'POST', url: '/api/v1/receipts/quote', headers: t.headers, payload: sale(t.cards[0], [['p-milk', 1, 349]], { storeTime }) });
      expect([quote.statusCode, quote.json().error.code], `quote ${storeTime}`).toEqual([400, 'VITRINA_ERR_VALIDATION']);
    }
    expect(await t.counts()).toEqual(before);
    // The bounds themselves: the first second of 2000, and a till clock a few hours fast.
    for (const storeTime of ['2000-01-01T00:00:00Z', new Date(Date.now() + 3 * 3_600_000).toISOString()]) {
      expect((await t.post(sale(t.cards[0], [['p-milk', 1, 349]], { storeTime }))).statusCode, storeTime).toBe(200);
    }
    expect((await t.counts()).receipts).toBe(before.receipts + 2);
  });

  it('earns points on a carded sale, and a retry returns the first result without writing', async () => {
    const t = await setup();
    const body = sale(t.cards[0], [['p-milk', 1, 349], ['p-bread', 2, 450, 50]]);
    const first = await t.post(body);
    expect(first.statusCode).toBe(200);
    // net = 349 + 900 − 50 = 1199 → 1 % = 11.99 → 11 points
    expect(first.json()).toMatchObject({ kind: 'sale', customerId: 'cust-1', totalMinor: 1199, payableMinor: 1199, points: { earned: 11, balanceAfter: 11 } });
    const before = await t.counts();
    const again = await t.post(body);
    expect(again.json()).toEqual(first.json());
    expect(await t.counts()).toEqual(before);
    expect((await t.balance('cust-1')).balance).toBe(11);

    const changed = await t.post({ ...body, lines: [{ productId: 'p-milk', quantity: 2, unitPriceMinor: 349 }] });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('VITRINA_ERR_CONFLICT');
  });

  it('refunds partial returns exactly and reverses the points earned on the returned units', async () => {
    const t = await setup();
    const s = sale(t.cards[0], [['p-coffee', 3, 1000]]); // 3000 → 30 points
    expect((await t.post(s)).json().points.earned).toBe(30);
    const ret = (qty: number, id: string) => t.post({ kind: 'return', receiptId: id, storeTime: '2026-06-11T15:00:00.000Z', originalReceiptId: s.receiptId, lines: [{ originalLineNo: 1, quantity: qty }] });
    const r1 = (await ret(-1, 'ret-1')).json();
    expect(r1).toMatchObject({ kind: 'return', totalMinor: -1000, payableMinor: -1000, points: { reversed: 10, restored: 0, balanceAfter: 20 } });
    const r2 = (await ret(-2, 'ret-2')).json();
    expect(r2).toMatchObject({ totalMinor: -2000, points: { reversed: 20, balanceAfter: 0 } });

    const before = await t.counts();
    const tooMany = await ret(-1, 'ret-3');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE');
    expect(await t.counts()).toEqual(before);
  });

  it('restores points that paid for returned lines, and a refund after the points were spent leaves a debt', async () => {
    const t = await setup();
    await t.post(sale(t.cards[1], [['p-tv', 1, 20_000]])); // 200 points
    const paid = await t.post(sale(t.cards[1], [['p-coffee', 2, 1000]], { pointsToRedeem: 150, storeTime: '2026-06-10T16:00:00.000Z' }));
    // 2000 net, 150 points tendered; points earned on the 1850 paid in money: 18
    expect(paid.json()).toMatchObject({ payableMinor: 1850, points: { redeemed: 150, earned: 18, balanceAfter: 68 } });
    const ret = await t.post({ kind: 'return', receiptId: 'ret-pts', storeTime: '2026-06-10T17:00:00.000Z', originalReceiptId: paid.json().receiptId, lines: [{ originalLineNo: 1, quantity: -1 }] });
    expect(ret.json()).toMatchObject({ totalMinor: -1000, payableMinor: -925, points: { restored: 75, reversed: 9, balanceAfter: 134 } });

    // Spend everything, then return the TV: its 200 points are gone, so the balance goes into debt.
    const tv = (await t.services.db.get<{ id: string }>("SELECT id FROM receipts WHERE total_minor = 20000"))!.id;
    await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/cust-2/redeem', headers: t.headers, payload: { points: 134, idempotencyKey: 'spend-all-1' } });
    const back = await t.post({ kind: 'return', receiptId: 'ret-tv', storeTime: '2026-06-10T18:00:00.000Z', originalReceiptId: tv, lines: [{ originalLineNo: 1, quantity: -1 }] });
    expect(back.json().points).toMatchObject({ reversed: 200, balanceAfter: -200 });
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/cust-2/redeem', headers: t.headers, payload: { points: 1, idempotencyKey: 'spend-more-1' } });
    expect(refused.json().error.code).toBe('VITRINA_ERR_INSUFFICIENT_POINTS');
    // The next purchase pays the debt first.
    expect((await t.post(sale(t.cards[1], [['p-tv', 1, 25_000]], { storeTime: '2026-06-10T19:00:00.000Z' }))).json().points.balanceAfter).toBe(50);
  });

  it('sells a product the catalogue does not know: a placeholder flagged for review is created with the receipt', async () => {
    const t = await setup();
    const res = await t.post(sale(t.cards[0], [['p-new-at-till', 2, 250], ['p-milk', 1, 349]]));
    expect(res.statusCode).toBe(200);
    expect(res.json().lines.map((l: { productId: string }) => l.productId)).toEqual(['p-new-at-till', 'p-milk']);
    const placeholder = await t.services.catalog.get('p-new-at-till');
    expect(placeholder).toMatchObject({ needsReview: true, source: 'placeholder', active: true, name: 'p-new-at-till' });
    const review = await t.services.catalog.list({ needsReview: true });
    expect(review.items.map((p) => p.id)).toEqual(['p-new-at-till']);
    // A sale that fails for another reason leaves no placeholder behind (same transaction).
    const refused = await t.post(sale(t.cards[0], [['p-ghost', 1, 349]], { pointsToRedeem: 10 }));
    expect(refused.json().error.code).toBe('VITRINA_ERR_INSUFFICIENT_POINTS');
    await expect(t.services.catalog.get('p-ghost')).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
  });

  it('rejects bad input with clear codes and writes nothing', async () => {
    const t = await setup();
    const before = await t.counts();
    const cases: Array<[unknown, number, string]> = [
      [sale(t.cards[0], [['p-milk', -1, 349]]), 422, 'VITRINA_ERR_RECEIPT_INVALID'],
      [sale(makeEan13('2991', 99), [['p-milk', 1, 349]]), 404, 'VITRINA_ERR_CARD_UNKNOWN'],
      [sale('12345', [['p-milk', 1, 349]]), 400, 'VITRINA_ERR_CARD_INVALID'],
      [sale(t.cards[0], [['p-tv', 100_000, 1_000_000_000]]), 422, 'VITRINA_ERR_AMOUNT_OUT_OF_RANGE'],
      [sale(t.cards[0], [['p-milk', 1, 2 ** 53]]), 400, 'VITRINA_ERR_VALIDATION'],
      [sale(t.cards[0], [['p-milk', 1, 349, 400]]), 422, 'VITRINA_ERR_RECEIPT_INVALID'],
      [sale(t.cards[0], [['p-milk', 1, 349]], { pointsToRedeem: 10 }), 409, 'VITRINA_ERR_INSUFFICIENT_POINTS'],
      [sale(undefined, [['p-milk', 1, 349]], { pointsToRedeem: 10 }), 422, 'VITRINA_ERR_RECEIPT_INVALID'],
      [sale(t.cards[0], [['p-milk', 1.5, 349]]), 400, 'VITRINA_ERR_VALIDATION'],
      [{ ...sale(t.cards[0], [['p-milk', 1, 349]]), storeTime: 'yesterday' }, 400, 'VITRINA_ERR_VALIDATION'],
      [{ kind: 'return', receiptId: 'x-1', storeTime: '2026-06-10T15:00:00.000Z', originalReceiptId: 'nope', lines: [{ originalLineNo: 1, quantity: -1 }] }, 404, 'VITRINA_ERR_RECEIPT_UNKNOWN'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post(body);
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code });
    }
    expect(await t.counts()).toEqual(before);
  });

  it('quotes a basket exactly as posting would, writing nothing', async () => {
    const t = await setup();
    await t.app.inject({ method: 'POST', url: '/api/v1/promotions', headers: await t.staffHeaders('admin'), payload: {
      id: 'p-all', name: '10%', discount: { type: 'percent', value: 10 }, target: { scope: 'basket' }, audience: { type: 'all' },
      conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, stacking: 'stackable', limits: { maxUses: 1 },
    } });
    const before = await t.counts();
    const body = sale(t.cards[0], [['p-coffee', 2, 1000]]);
    const q = await t.app.inject({ method: 'POST', url: '/api/v1/receipts/quote', headers: t.headers, payload: body });
    expect(q.json()).toMatchObject({ receiptId: body.receiptId, totalMinor: 1800, points: { earned: 18 }, promotions: [{ promotionId: 'p-all', discountMinor: 200 }] });
    expect(await t.counts()).toEqual(before);
    expect((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM promotion_uses'))!.n).toBe(0);
    expect((await t.post(body)).json()).toMatchObject({ totalMinor: 1800, points: { earned: 18 } });
  });

  it('a return line must be negative and reference a real line', async () => {
    const t = await setup();
    const s = sale(t.cards[0], [['p-milk', 1, 349]]);
    await t.post(s);
    const before = await t.counts();
    for (const lines of [[{ originalLineNo: 1, quantity: 1 }], [{ originalLineNo: 2, quantity: -1 }]]) {
      const res = await t.post({ kind: 'return', receiptId: `ret-bad-${lines[0]!.originalLineNo}`, storeTime: '2026-06-10T15:00:00.000Z', originalReceiptId: s.receiptId, lines });
      expect(res.json().error.code).toBe('VITRINA_ERR_RECEIPT_INVALID');
    }
    expect(await t.counts()).toEqual(before);
  });
});
