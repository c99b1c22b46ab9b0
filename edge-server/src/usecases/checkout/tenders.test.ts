import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

/**
 * Gift cards and points as tenders at the till, manual adjustments, rule promotions on real
 * receipts and their exact returns. Real HTTP, real SQLite. Store time zone New York: the sales'
 * 15:00Z is 11:00 local on Wednesday 2026-06-10.
 */
async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services);
  const staff = await t.staffHeaders('staff');
  const marketer = await t.staffHeaders('marketer');
  const post = (body: unknown, headers = staff) => t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers, payload: body as object });
  const issue = async (amountMinor: number) => (await t.app.inject({ method: 'POST', url: '/api/v1/gift-cards', headers: marketer, payload: { amountMinor, idempotencyKey: `gc-${Math.random()}` } })).json() as { number: string; card: { id: string } };
  const giftBalance = async (number: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/gift-cards/balance', headers: staff, payload: { number } })).json().balanceMinor as number;
  const points = async (id: string) => (await t.services.loyalty.stateAt(t.services.db, id, '2026-06-30')).balance;
  const promo = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/promotions', headers: marketer, payload: body });
  const counts = async () => ({
    receipts: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts'))!.n,
    gift: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM gift_card_ledger'))!.n,
    points: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM points_ledger'))!.n,
    grants: (await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM promotion_grants'))!.n,
  });
  return { ...t, ...store, staff, marketer, post, issue, giftBalance, points, promo, counts };
}

const base = { audience: { type: 'all' }, stacking: 'stackable', limits: {} } as const;
const june = { startsOn: '2026-06-01', endsOn: '2026-06-30' };

describe('tenders at the till', () => {
  it('a 3-for-2 and a happy hour, paid by gift card, points and cash; a retry writes nothing; returns give back pro rata, exactly', async () => {
    const t = await setup();
    expect((await t.promo({ ...base, id: 'apples-3for2', name: '3 for 2 apples', discount: { type: 'amount', value: 0 }, target: { scope: 'product', productIds: ['p-apples'] }, conditions: june, rule: { kind: 'n_for_m', buy: 3, pay: 2 } })).statusCode).toBe(201);
    expect((await t.promo({ ...base, id: 'coffee-happy', name: 'Coffee happy hour', discount: { type: 'percent', value: 10 }, target: { scope: 'product', productIds: ['p-coffee'] }, conditions: { ...june, timeWindow: { from: '10:00', to: '12:00' } } })).statusCode).toBe(201);
    const card = await t.issue(1500);
    await t.services.loyalty.adjust('cust-1', 600, 'seed-points-1', 'test', '2026-06-01T12:00:00.000Z');

    // apples 3 × 399 = 1197, one free (399) → 798; coffee 1299 − 10 % (129.9 → 130) = 1169; bread 450.
    // total = 798 + 1169 + 450 = 2417 = gift 1000 + points 500 (1 kopeck each) + cash 917
    const body = sale(t.cards[0], [['p-apples', 3, 399], ['p-coffee', 1, 1299], ['p-bread', 1, 450]], {
      tenders: [{ kind: 'gift_card', amountMinor: 1000, giftCardNumber: card.number }, { kind: 'points', amountMinor: 500 }, { kind: 'cash', amountMinor: 917 }],
    });
    const res = await t.post(body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.totalMinor).toBe(2417);
    expect(r.promotions.map((p: { promotionId: string; discountMinor: number }) => [p.promotionId, p.discountMinor])).toEqual([['apples-3for2', 399], ['coffee-happy', 130]]);
    // points over the lines' nets: 500 × 798/2417 = 165.08 → 165, × 1169 → 241.8 → 241, × 450 → 93.09 → 93; +1 to the largest (coffee)
    expect(r.lines.map((l: { pointsRedeemed: number }) => l.pointsRedeemed)).toEqual([165, 242, 93]);
    expect(r.tenders).toEqual([
      { kind: 'gift_card', amountMinor: 1000, giftCardId: card.card.id, last4: card.number.slice(-4) },
      { kind: 'points', amountMinor: 500, points: 500 },
      { kind: 'cash', amountMinor: 917 },
    ]);
    expect(await t.giftBalance(card.number)).toBe(500);
    const pointsAfterSale = await t.points('cust-1');
    expect(pointsAfterSale).toBe(600 - 500 + r.points.earned);

    const before = await t.counts();
    expect((await t.post(body)).json()).toEqual(r);
    expect(await t.counts()).toEqual(before);
    expect(await t.giftBalance(card.number)).toBe(500);

    const ret = (id: string, lines: Array<[number, number]>) => t.post({ kind: 'return', receiptId: id, storeTime: '2026-06-11T15:00:00.000Z', originalReceiptId: body.receiptId, lines: lines.map(([originalLineNo, quantity]) => ({ originalLineNo, quantity })) });
    // One apple back: net 798 × 1/3 = 266. Gift card: floor(1000 × 266 / 2417) = floor(110.05) = 110;
    // points: 165 × 1/3 = 55; cash: 266 − 110 − 55 = 101
    const first = (await ret('ret-1', [[1, -1]])).json();
    expect(first.tenders).toEqual([
      { kind: 'gift_card', amountMinor: -110, giftCardId: card.card.id, last4: card.number.slice(-4) },
      { kind: 'points', amountMinor: -55, points: 55 },
      { kind: 'cash', amountMinor: -101 },
    ]);
    // Everything else: net 532 + 1169 + 450 = 2151. Gift: floor(1000 × 2417/2417) − 110 = 890;
    // points 110 + 242 + 93 = 445; cash 2151 − 890 − 445 = 816 (101 + 816 = 917, all the cash)
    const rest = (await ret('ret-2', [[1, -2], [2, -1], [3, -1]])).json();
    expect(rest.tenders).toEqual([
      { kind: 'gift_card', amountMinor: -890, giftCardId: card.card.id, last4: card.number.slice(-4) },
      { kind: 'points', amountMinor: -445, points: 445 },
      { kind: 'cash', amountMinor: -816 },
    ]);
    expect(await t.giftBalance(card.number)).toBe(1500);
    // All 500 points paid back; everything earned taken back.
    expect(await t.points('cust-1')).toBe(600);
  });

  it('outside the happy hour the coffee costs full price (store time zone, minute precision)', async () => {
    const t = await setup();
    await t.promo({ ...base, id: 'coffee-happy', name: 'Coffee happy hour', discount: { type: 'percent', value: 10 }, target: { scope: 'product', productIds: ['p-coffee'] }, conditions: { ...june, timeWindow: { from: '10:00', to: '12:00' } } });
    // 16:00Z = 12:00 in New York: the window closed at 11:59
    const r = (await t.post(sale(undefined, [['p-coffee', 1, 1299]], { storeTime: '2026-06-10T16:00:00.000Z' }))).json();
    expect(r.totalMinor).toBe(1299);
    const open = (await t.post(sale(undefined, [['p-coffee', 1, 1299]], { storeTime: '2026-06-10T15:59:00.000Z' }))).json();
    expect(open.totalMinor).toBe(1169);
  });

  it('refuses bad tenders with a code and writes nothing', async () => {
    const t = await setup();
    const card = await t.issue(2000);
    const small = await t.issue(100);
    const blocked = await t.issue(2000);
    const expired = await t.issue(2000);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/gift-cards/${blocked.card.id}/status`, headers: t.marketer, payload: { status: 'blocked', reason: 'reported stolen' } })).json().status).toBe('blocked');
    await t.services.db.run("UPDATE gift_cards SET expires_on = '2026-06-09' WHERE id = ?", [expired.card.id]);
    const before = await t.counts();
    const milk = (tenders: unknown[], anonymous: boolean) => t.post(sale(anonymous ? undefined : t.cards[0], [['p-milk', 1, 349]], { tenders }));
    const cases: Array<[unknown[], number, string, string?]> = [
      [[{ kind: 'gift_card', amountMinor: 400, giftCardNumber: card.number }], 422, 'VITRINA_ERR_TENDER_EXCEEDS_RECEIPT'],
      [[{ kind: 'cash', amountMinor: 300 }], 422, 'VITRINA_ERR_TENDER_MISMATCH'],
      [[{ kind: 'gift_card', amountMinor: 349, giftCardNumber: expired.number }], 409, 'VITRINA_ERR_GIFT_CARD_EXPIRED'],
      [[{ kind: 'gift_card', amountMinor: 349, giftCardNumber: blocked.number }], 403, 'VITRINA_ERR_CARD_BLOCKED'],
      [[{ kind: 'gift_card', amountMinor: 349, giftCardNumber: small.number }], 409, 'VITRINA_ERR_INSUFFICIENT_FUNDS'],
      [[{ kind: 'points', amountMinor: 349 }], 409, 'VITRINA_ERR_INSUFFICIENT_POINTS'],
      [[{ kind: 'gift_card', amountMinor: 349 }], 400, 'VITRINA_ERR_VALIDATION'],
      // the gift card is taken first, then the points fail: all of it rolls back
      [[{ kind: 'gift_card', amountMinor: 200, giftCardNumber: card.number }, { kind: 'points', amountMinor: 149 }], 409, 'VITRINA_ERR_INSUFFICIENT_POINTS'],
      [[{ kind: 'points', amountMinor: 349 }], 422, 'VITRINA_ERR_RECEIPT_INVALID', 'anonymous'],
    ];
    for (const [tenders, status, code, who] of cases) {
      const res = await milk(tenders, who === 'anonymous');
      expect([res.statusCode, res.json().error?.code], JSON.stringify(tenders)).toEqual([status, code]);
    }
    expect(await t.counts()).toEqual(before);
    expect(await t.giftBalance(card.number)).toBe(2000);
  });

  it('a return to a gift card that is now blocked is refused whole; after unblocking it goes through', async () => {
    const t = await setup();
    const card = await t.issue(1000);
    await t.services.loyalty.adjust('cust-1', 100, 'seed-points-2', 'test', '2026-06-01T12:00:00.000Z');
    // 2 × 450 = 900 = gift 600 + points 100 + card 200
    const body = sale(t.cards[0], [['p-bread', 2, 450]], { tenders: [{ kind: 'gift_card', amountMinor: 600, giftCardNumber: card.number }, { kind: 'points', amountMinor: 100 }, { kind: 'card', amountMinor: 200 }] });
    expect((await t.post(body)).statusCode).toBe(200);
    const setStatus = (status: string) => t.app.inject({ method: 'POST', url: `/api/v1/gift-cards/${card.card.id}/status`, headers: t.marketer, payload: { status, reason: 'test' } });
    await setStatus('blocked');
    const before = await t.counts();
    const pointsBefore = await t.points('cust-1');
    const ret = { kind: 'return', receiptId: 'ret-blocked', storeTime: '2026-06-11T15:00:00.000Z', originalReceiptId: body.receiptId, lines: [{ originalLineNo: 1, quantity: -1 }] };
    const refused = await t.post(ret);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'VITRINA_ERR_CARD_BLOCKED']);
    expect(await t.counts()).toEqual(before);
    expect(await t.points('cust-1')).toBe(pointsBefore);
    await setStatus('active');
    // One loaf back: 450. Gift floor(600 × 450/900) = 300; points 50; card 450 − 300 − 50 = 100
    expect((await t.post(ret)).json().tenders).toEqual([
      { kind: 'gift_card', amountMinor: -300, giftCardId: card.card.id, last4: card.number.slice(-4) },
      { kind: 'points', amountMinor: -50, points: 50 },
      { kind: 'card', amountMinor: -100 },
    ]);
    expect(await t.giftBalance(card.number)).toBe(700);
  });
});

describe('manual markup and discount at the till', () => {
  it('needs an admin or marketer; the line moves by the amount, with its reason', async () => {
    const t = await setup();
    const body = sale(t.cards[0], [['p-milk', 1, 349], ['p-bread', 1, 450]]);
    body.lines[0] = { ...body.lines[0]!, manual: { amountMinor: -49, reason: 'dented carton' } } as never;
    body.lines[1] = { ...body.lines[1]!, manual: { amountMinor: 50, reason: 'gift wrapping' } } as never;
    const before = await t.counts();
    const refused = await t.post(body);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'VITRINA_ERR_FORBIDDEN']);
    expect(await t.counts()).toEqual(before);
    const ok = (await t.post(body, t.marketer)).json();
    // 349 − 49 = 300; 450 + 50 = 500; total 800
    expect(ok.lines.map((l: { netMinor: number }) => l.netMinor)).toEqual([300, 500]);
    expect(ok.totalMinor).toBe(800);
    expect(ok.lines[0].manual).toEqual({ amountMinor: -49, reason: 'dented carton' });
    const below = sale(t.cards[0], [['p-milk', 1, 349]]);
    below.lines[0] = { ...below.lines[0]!, manual: { amountMinor: -350, reason: 'too much' } } as never;
    expect((await t.post(below, t.marketer)).json().error.code).toBe('VITRINA_ERR_AMOUNT_OUT_OF_RANGE');
  });
});

describe('next-order coupon and contradictory rules', () => {
  it('a receipt over 1,000 issues a coupon the next receipt uses', async () => {
    const t = await setup();
    expect((await t.promo({ ...base, id: 'next10', name: 'Next order 10 %', discount: { type: 'percent', value: 10 }, target: { scope: 'basket' }, audience: { type: 'grant' }, conditions: { startsOn: '2026-06-01', endsOn: '2026-12-31' } })).statusCode).toBe(201);
    expect((await t.promo({ ...base, id: 'coupon', name: 'Coupon for next order', discount: { type: 'amount', value: 0 }, target: { scope: 'basket' }, conditions: { ...june, minBasketMinor: 1000 }, rule: { kind: 'coupon', promotionId: 'next10', validDays: 30 } })).statusCode).toBe(201);
    const first = (await t.post(sale(t.cards[0], [['p-coffee', 1, 1299]]))).json();
    // issued on 2026-06-10: valid from the next day for 30 days → 2026-06-11 … 2026-07-10
    expect(first.coupons).toEqual([{ promotionId: 'next10', validFrom: '2026-06-11', validTo: '2026-07-10' }]);
    const next = (await t.post(sale(t.cards[0], [['p-bread', 1, 450]], { storeTime: '2026-06-12T15:00:00.000Z' }))).json();
    // 10 % of 450 = 45
    expect(next.promotions).toEqual([{ promotionId: 'next10', discountMinor: 45, points: 0 }]);
  });

  it('refuses "Y free and Y excluded" and an empty time window with VITRINA_ERR_PROMOTION_CONTRADICTORY, storing nothing', async () => {
    const t = await setup();
    const bad = await t.promo({ ...base, id: 'bad', name: 'bad', discount: { type: 'amount', value: 0 }, target: { scope: 'basket' }, conditions: { ...june, excludeProductIds: ['p-bread'] }, rule: { kind: 'buy_x_get_y', buyProductIds: ['p-milk'], buyQuantity: 1, getProductIds: ['p-bread'], getQuantity: 1, percent: 100 } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'VITRINA_ERR_PROMOTION_CONTRADICTORY']);
    const empty = await t.promo({ ...base, id: 'bad2', name: 'bad', discount: { type: 'percent', value: 5 }, target: { scope: 'basket' }, conditions: { ...june, timeWindow: { from: '10:00', to: '10:00' } } });
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, 'VITRINA_ERR_PROMOTION_CONTRADICTORY']);
    expect((await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM promotions'))!.n).toBe(0);
  });
});
