import { describe, expect, it } from 'vitest';
import { build } from '../../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../../test-support/loyalty-store.js';

async function setup() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const store = await seedLoyaltyStore(t.services);
  const headers = await t.staffHeaders('admin');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const promotion = (id: string, over: object = {}) => api('POST', '/api/v1/promotions', {
    id, name: id, discount: { type: 'amount', value: 200 }, target: { scope: 'basket' }, audience: { type: 'grant' },
    conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, stacking: 'stackable', limits: {}, ...over,
  });
  const writes = async () => (await t.services.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM receipts) + (SELECT COUNT(*) FROM code_redemptions) + (SELECT COUNT(*) FROM points_ledger) AS n'))!.n;
  return { ...t, ...store, api, promotion, writes };
}

describe('promo codes', () => {
  it('a multi-use code with a per-customer limit', async () => {
    const t = await setup();
    await t.promotion('multi');
    expect((await t.api('POST', '/api/v1/codes', { promotionId: 'multi', codes: ['summer-2'], maxUses: 3, maxUsesPerCustomer: 1 })).statusCode).toBe(201);
    const use = (card: string) => t.api('POST', '/api/v1/receipts', sale(card, [['p-coffee', 1, 1299]], { codes: ['SUMMER-2'] }));
    expect((await use(t.cards[0]!)).json()).toMatchObject({ totalMinor: 1099, promotions: [{ promotionId: 'multi', discountMinor: 200 }] });
    expect((await use(t.cards[0]!)).json().error.code).toBe('VITRINA_ERR_CODE_ALREADY_USED');
    await use(t.cards[1]!);
    await t.api('POST', '/api/v1/codes/summer-2/redeem', { customerId: 'cust-3', idempotencyKey: 'claim-cust-3' });
    // The limit of 3 is reached: even a new shopper is refused.
    const extra = await t.services.db.transaction(async (tx) => {
      await tx.run("INSERT INTO customers (id, enrolled_at, consents_updated_at) VALUES ('cust-4', 'x', 'x')");
    });
    expect(extra).toBeUndefined();
    const fourth = await t.api('POST', '/api/v1/codes/summer-2/redeem', { customerId: 'cust-4', idempotencyKey: 'claim-cust-4' });
    expect(fourth.json().error.code).toBe('VITRINA_ERR_CODE_LIMIT_REACHED');
    expect((await t.api('GET', '/api/v1/promotions/multi/codes')).json()).toEqual([{ code: 'SUMMER-2', promotionId: 'multi', maxUses: 3, maxUsesPerCustomer: 1, uses: 3 }]);
  });

  it('a claimed code becomes a grant used at the next purchase, once; a retried claim is the same claim', async () => {
    const t = await setup();
    await t.promotion('claim', { conditions: { startsOn: '2026-01-01', endsOn: '2099-12-31' } });
    await t.api('POST', '/api/v1/codes', { promotionId: 'claim', codes: ['KIOSK-1'], maxUses: 1 });
    const first = await t.api('POST', '/api/v1/codes/KIOSK-1/redeem', { customerId: 'cust-1', idempotencyKey: 'kiosk-claim-1' });
    expect(first.json()).toEqual({ code: 'KIOSK-1', promotionId: 'claim', customerId: 'cust-1', validTo: '2099-12-31' });
    expect((await t.api('POST', '/api/v1/codes/KIOSK-1/redeem', { customerId: 'cust-1', idempotencyKey: 'kiosk-claim-1' })).json()).toEqual(first.json());
    // Claimed now, so the purchase is now too.
    const buy = () => t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-coffee', 1, 1299]], { storeTime: new Date().toISOString() }));
    expect((await buy()).json().totalMinor).toBe(1099);
    expect((await buy()).json().totalMinor).toBe(1299);
  });

  it('refuses codes that are unknown, from an ended campaign, over budget or not applicable — writing nothing', async () => {
    const t = await setup();
    await t.promotion('old', { conditions: { startsOn: '2026-01-01', endsOn: '2026-01-31' } });
    await t.promotion('poor', { limits: { budgetMinor: 200 } });
    await t.promotion('big', { conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31', minBasketMinor: 10_000 } });
    await t.api('POST', '/api/v1/codes', { promotionId: 'old', codes: ['OLD-CODE'] });
    await t.api('POST', '/api/v1/codes', { promotionId: 'poor', codes: ['POOR-CODE'] });
    await t.api('POST', '/api/v1/codes', { promotionId: 'big', codes: ['BIG-CODE'] });
    await t.api('POST', '/api/v1/receipts', sale(t.cards[0], [['p-coffee', 1, 1299]], { codes: ['POOR-CODE'] })); // spends the budget
    const before = await t.writes();
    for (const [code, expected] of [['NOPE-1', 'VITRINA_ERR_CODE_UNKNOWN'], ['OLD-CODE', 'VITRINA_ERR_CAMPAIGN_ENDED'], ['POOR-CODE', 'VITRINA_ERR_BUDGET_EXHAUSTED'], ['BIG-CODE', 'VITRINA_ERR_OFFER_NOT_ELIGIBLE']]) {
      const res = await t.api('POST', '/api/v1/receipts', sale(t.cards[1], [['p-coffee', 1, 1299]], { codes: [code] }));
      expect(res.json().error.code).toBe(expected);
    }
    expect((await t.api('POST', '/api/v1/codes/OLD-CODE/redeem', { customerId: 'cust-2', idempotencyKey: 'claim-old-1' })).json().error.code).toBe('VITRINA_ERR_CAMPAIGN_ENDED');
    expect(await t.writes()).toBe(before);
  });
});

describe('gift cards', () => {
  it('has its own ledger: issue, redeem, refund; never below zero; retries are safe', async () => {
    const t = await setup();
    const issued = await t.api('POST', '/api/v1/gift-cards', { amountMinor: 5000, idempotencyKey: 'gift-issue-1' });
    expect(issued.statusCode).toBe(201);
    const { number, card } = issued.json();
    expect(card).toMatchObject({ balanceMinor: 5000, last4: number.slice(-4) });
    const stored = await t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM gift_cards WHERE code_hmac = ? OR last4 = ?', [number, number]);
    expect(stored!.n).toBe(0); // the number itself is not stored
    const redeem = (amountMinor: number, key: string) => t.api('POST', '/api/v1/gift-cards/redeem', { number, amountMinor, idempotencyKey: key });
    expect((await redeem(3000, 'gift-pay-1')).json().balanceMinor).toBe(2000);
    expect((await redeem(3000, 'gift-pay-1')).json().balanceMinor).toBe(2000);
    expect((await redeem(2500, 'gift-pay-2')).json().error.code).toBe('VITRINA_ERR_INSUFFICIENT_FUNDS');
    expect((await t.api('POST', '/api/v1/gift-cards/refund', { number, amountMinor: 4000, idempotencyKey: 'gift-refund-1' })).json().error.code).toBe('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE');
    expect((await t.api('POST', '/api/v1/gift-cards/refund', { number, amountMinor: 1000, idempotencyKey: 'gift-refund-2' })).json().balanceMinor).toBe(3000);
    expect((await t.api('POST', '/api/v1/gift-cards/balance', { number: '0000000000000000' })).json().error.code).toBe('VITRINA_ERR_CODE_UNKNOWN');
  });
});

describe('referrals', () => {
  it('rewards both sides once, on the referee’s first purchase', async () => {
    const t = await setup();
    const ref = (await t.api('GET', '/api/v1/referrals/cust-1')).json();
    expect(ref.qrPayload).toBe(`vitrina://referral?store=demo-store&code=${ref.code}`);
    expect((await t.api('GET', '/api/v1/referrals/cust-1')).json()).toEqual(ref);
    expect((await t.api('POST', '/api/v1/referrals/claim', { code: ref.code, refereeCustomerId: 'cust-1' })).json().error.code).toBe('VITRINA_ERR_REFERRAL_SELF');
    expect((await t.api('POST', '/api/v1/referrals/claim', { code: ref.code, refereeCustomerId: 'cust-2' })).statusCode).toBe(200);
    await t.api('POST', '/api/v1/receipts', sale(t.cards[1], [['p-milk', 1, 349]]));
    await t.api('POST', '/api/v1/receipts', sale(t.cards[1], [['p-milk', 1, 349]]));
    const b1 = (await t.api('GET', '/api/v1/loyalty/customers/cust-1?today=2026-06-10')).json().balance;
    const b2 = (await t.api('GET', '/api/v1/loyalty/customers/cust-2?today=2026-06-10')).json().balance;
    expect([b1, b2]).toEqual([500, 250 + 3 + 3]);
  });
});
