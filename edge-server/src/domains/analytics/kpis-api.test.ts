import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

describe('GET /api/v1/analytics/*', () => {
  it('measures a campaign against its holdout and computes program KPIs from posted receipts', async () => {
    const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
    const { cards, customers } = await seedLoyaltyStore(t.services, 10);
    const headers = await t.staffHeaders('marketer');
    const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await api('POST', '/api/v1/campaigns', { id: 'cmp', name: 'Coffee', startsOn: '2026-06-01', endsOn: '2026-06-30', holdoutPct: 50 });
    const { offerId } = (await api('POST', '/api/v1/campaigns/cmp/offers', { productId: 'p-coffee', title: '20% off', discountKind: 'percent', discountValue: 20 })).json();
    for (const c of customers) await (await t.services.scan.chooseOffers(c, [{ productId: 'p-coffee', score: 1 }], '2026-06-10')).recorded;
    const arms = await t.services.db.all<{ customer_id: string; arm: string }>('SELECT customer_id, arm FROM campaign_assignments ORDER BY customer_id');
    const treated = arms.filter((a) => a.arm === 'treatment').map((a) => a.customer_id);
    const control = arms.filter((a) => a.arm === 'control').map((a) => a.customer_id);
    const nT = treated.length;
    const nC = control.length;
    expect(nT * nC).toBeGreaterThan(0);

    const cardOf = (id: string) => cards[customers.indexOf(id)]!;
    const clip = await t.services.offers.clip(treated[0]!, offerId, new Set([offerId]));
    await t.services.campaigns.clipped(treated[0]!, offerId, clip.campaignId);
    await api('POST', '/api/v1/receipts', sale(cardOf(treated[0]!), [['p-coffee', 1, 1000]])); // pays 800, cost 700
    await api('POST', '/api/v1/receipts', sale(cardOf(control[0]!), [['p-coffee', 1, 1000]])); // pays 1000, cost 700
    await api('POST', '/api/v1/receipts', sale(cardOf(control[0]!), [['p-milk', 2, 349]], { storeTime: '2026-07-02T15:00:00.000Z' })); // after the window

    const m = (await api('GET', '/api/v1/analytics/campaigns/cmp')).json();
    expect(m).toMatchObject({
      campaignId: 'cmp', holdoutPct: 50,
      treatment: { customers: nT, revenuePerCustomerMinor: Math.round(800 / nT), marginPerCustomerMinor: Math.round(300 / nT) },
      control: { customers: nC, revenuePerCustomerMinor: Math.round(1000 / nC), marginPerCustomerMinor: Math.round(300 / nC) },
      reach: nT, redemptions: 1, costMinor: 200,
      incrementalRevenueMinor: Math.round((800 / nT - 1000 / nC) * nT),
      incrementalMarginMinor: Math.round((300 / nT - 300 / nC) * nT),
    });
    expect(m.redemptionRate).toBeCloseTo(1 / nT, 10);
    expect(m.roi).toBeCloseTo((Math.round((300 / nT - 300 / nC) * nT) - 200) / 200, 10);

    const k = (await api('GET', '/api/v1/analytics/program?today=2026-06-30&periodDays=30')).json();
    expect(k).toMatchObject({ members: 10, activeMembers: 2, receipts: 2, averageReceiptMinor: 900, purchaseFrequency: 1, repeatPurchaseRate: 0, marginPerActiveMemberMinor: 200 });

    const rfm = (await api('GET', '/api/v1/analytics/rfm?today=2026-07-02')).json();
    expect(rfm.customers).toBe(2);
    expect(rfm.segments.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(2);

    expect((await api('GET', '/api/v1/analytics/campaigns/nope')).json().error.code).toBe('VITRINA_ERR_NOT_FOUND');
    const staff = await t.staffHeaders('staff');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/program', headers: staff })).statusCode).toBe(403);
  });
});
