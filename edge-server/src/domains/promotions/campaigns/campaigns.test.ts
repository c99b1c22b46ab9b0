import { describe, expect, it } from 'vitest';
import { build } from '../../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../../test-support/loyalty-store.js';
import { armFor } from './holdout.js';

describe('campaigns with a holdout, and the offer lifecycle', () => {
  it('shows campaign offers to treatment only, records both arms, and follows shown → clipped → redeemed / expired', async () => {
    const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
    const { cards, customers } = await seedLoyaltyStore(t.services, 20);
    const headers = await t.staffHeaders('marketer');
    const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect((await api('POST', '/api/v1/campaigns', { id: 'cmp-coffee', name: 'Coffee lovers', startsOn: '2026-06-01', endsOn: '2026-06-30', holdoutPct: 50 })).statusCode).toBe(201);
    const { offerId } = (await api('POST', '/api/v1/campaigns/cmp-coffee/offers', { productId: 'p-coffee', title: '20% off coffee', discountKind: 'percent', discountValue: 20 })).json();

    const seen = new Map<string, boolean>();
    for (const c of customers) {
      const s = await t.services.scan.chooseOffers(c, [{ productId: 'p-coffee', score: 1 }], '2026-06-10');
      await s.recorded;
      seen.set(c, s.kiosk.some((o) => o.offerId === offerId));
      for (const o of s.kiosk) expect(o.personal).toBe(o.offerId === offerId);
      expect(s.signage.some((o) => o.offerId === offerId)).toBe(seen.get(c));
    }
    const assignments = await t.services.db.all<{ customer_id: string; arm: string }>("SELECT customer_id, arm FROM campaign_assignments WHERE campaign_id = 'cmp-coffee'");
    expect(assignments).toHaveLength(20);
    for (const a of assignments) {
      expect(a.arm).toBe(armFor('cmp-coffee', a.customer_id, 50));
      expect(seen.get(a.customer_id)).toBe(a.arm === 'treatment');
    }
    const treated = assignments.filter((a) => a.arm === 'treatment').map((a) => a.customer_id);
    const control = assignments.filter((a) => a.arm === 'control').map((a) => a.customer_id);
    expect(treated.length).toBeGreaterThan(0);
    expect(control.length).toBeGreaterThan(0);

    const buyer = treated[0]!;
    const clip = await t.services.offers.clip(buyer, offerId, new Set([offerId]));
    await t.services.campaigns.clipped(buyer, offerId, clip.campaignId);
    const card = (id: string) => cards[customers.indexOf(id)]!;
    const bought = (await api('POST', '/api/v1/receipts', sale(card(buyer), [['p-coffee', 1, 1000]]))).json();
    expect(bought).toMatchObject({ totalMinor: 800, promotions: [{ promotionId: `offer:${offerId}`, discountMinor: 200 }] });
    // Redeemed once: the next coffee is full price.
    expect((await api('POST', '/api/v1/receipts', sale(card(buyer), [['p-coffee', 1, 1000]]))).json().totalMinor).toBe(1000);
    // A control customer who clipped nothing and buys coffee pays full price.
    expect((await api('POST', '/api/v1/receipts', sale(card(control[0]!), [['p-coffee', 1, 1000]]))).json().totalMinor).toBe(1000);

    expect((await api('GET', '/api/v1/campaigns/cmp-coffee/lifecycle')).json()).toEqual({ issued: 0, shown: treated.length - 1, clipped: 0, redeemed: 1, expired: 0 });
    expect((await api('POST', '/api/v1/offers/expire', { today: '2026-07-01', confirm: true })).json()).toEqual({ today: '2026-07-01', dryRun: false, expired: treated.length - 1 });
    const unknown = await api('POST', '/api/v1/campaigns/cmp-coffee/assign', { customerIds: [customers[0]!, 'nobody'] });
    expect(unknown.json().error.code).toBe('VITRINA_ERR_CUSTOMER_UNKNOWN');
    expect((await api('GET', '/api/v1/campaigns/cmp-coffee/lifecycle')).json()).toMatchObject({ shown: 0, redeemed: 1, expired: treated.length - 1 });
  });

  it('grants the birthday promotion in the birthday window, once a year', async () => {
    const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
    const { cards } = await seedLoyaltyStore(t.services, 1); // born 1990-03-08
    const headers = await t.staffHeaders('admin');
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    await api('POST', '/api/v1/promotions', {
      id: 'bday', name: 'Happy birthday', discount: { type: 'amount', value: 500 }, target: { scope: 'basket' }, audience: { type: 'grant' },
      conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, stacking: 'stackable', limits: {},
    });
    const settings = (await api('GET', '/api/v1/loyalty/settings')).json();
    await api('PUT', '/api/v1/loyalty/settings', { ...settings, birthdayPromotionId: 'bday', birthdayWindowDays: 3 });
    const buy = (storeTime: string) => api('POST', '/api/v1/receipts', sale(cards[0], [['p-coffee', 1, 1299]], { storeTime }));
    // 04:30Z on 8 March is still 7 March in New York: no birthday yet.
    expect((await buy('2026-03-08T04:30:00Z')).json().totalMinor).toBe(1299);
    expect((await buy('2026-03-10T18:00:00Z')).json().totalMinor).toBe(799);
    expect((await buy('2026-03-10T19:00:00Z')).json().totalMinor).toBe(1299);
  });
});
