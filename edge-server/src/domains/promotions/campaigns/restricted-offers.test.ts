import { describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../../test-support/build.js';
import { seedDemoStoreIfEmpty } from '../../../usecases/demo-store/seed.js';
import { storeDate } from '../../../shared/store-time.js';
import { displayNameOf } from '../../offers/index.js';

/** The demo store (its whole catalogue, a few households) with every restricted product found by the policy. */
async function demoStore(kioskShowsRestricted: boolean) {
  const t = await build({ KIOSK_SHOWS_RESTRICTED: kioskShowsRestricted, KIOSK_OFFER_COUNT: 12, SIGNAGE_OFFER_COUNT: 8 });
  await seedDemoStoreIfEmpty(t.services, { households: 3 });
  const { catalog } = t.services;
  const products = [...(await catalog.forDisplay(await catalog.allIds())).values()];
  // The policy over department and category alone (not the stored flag), then the flag must agree.
  const restricted = products.filter((p) => catalog.isRestricted({ department: p.department, category: p.category }));
  for (const p of products) expect(p.restricted, `${p.id} ${p.department} / ${p.category}`).toBe(restricted.includes(p) ? 1 : 0);
  const customerId = (await t.services.customers.activeIds())[0]!;
  const today = storeDate(t.services.config.STORE_TIME_ZONE, new Date());
  return { t, products, restricted, customerId, today };
}

async function campaignOnEveryRestrictedProduct(t: TestApp, restricted: ReadonlyArray<{ id: string }>) {
  const headers = await t.staffHeaders('marketer');
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
  // No holdout: every shopper is in the treatment arm, so nothing hides the offers but the policy.
  expect((await post('/api/v1/campaigns', { id: 'cmp-drinks', name: 'Drinks', startsOn: '2000-01-01', endsOn: '2999-12-31', holdoutPct: 0 })).statusCode).toBe(201);
  const offerOf = new Map<string, string>();
  for (const p of restricted) {
    const res = await post('/api/v1/campaigns/cmp-drinks/offers', { productId: p.id, title: '15% off', discountKind: 'percent', discountValue: 15, kioskOnly: true });
    expect(res.statusCode, p.id).toBe(201);
    expect(res.json()).toMatchObject({ restricted: true, warning: expect.stringMatching(/never shown on signage/) });
    offerOf.set(p.id, res.json().offerId);
  }
  return offerOf;
}

describe('restricted products (alcohol, tobacco) through campaign → scan → kiosk and signage, over the demo store', () => {
  it('finds the demo data’s alcohol and tobacco, "Beers/Ales" included, with the policy', async () => {
    const { restricted, products } = await demoStore(false);
    const count = (category: string) => restricted.filter((p) => p.category === category).length;
    expect(count('Beers/Ales')).toBe(products.filter((p) => p.category === 'Beers/Ales').length);
    expect(count('Beers/Ales')).toBe(95);
    for (const c of ['Cigarettes', 'Tobacco Other', 'Domestic Wine', 'Imported Wine', 'Liquor']) expect(count(c), c).toBeGreaterThan(0);
    expect(new Set(restricted.map((p) => p.category))).toEqual(new Set(['Beers/Ales', 'Cigarettes', 'Tobacco Other', 'Domestic Wine', 'Imported Wine', 'Misc Wine', 'Liquor']));
  });

  it('with KIOSK_SHOWS_RESTRICTED=false: none of them reaches the kiosk or signage, even ranked first', async () => {
    const { t, restricted, customerId, today } = await demoStore(false);
    const offerOf = await campaignOnEveryRestrictedProduct(t, restricted);
    const restrictedIds = new Set(restricted.map((p) => p.id));
    for (const p of restricted) {
      const s = await t.services.scan.chooseOffers(customerId, [{ productId: p.id, score: 1 }, ...restricted.filter((q) => q !== p).map((q) => ({ productId: q.id, score: 0.9 }))], today);
      await s.recorded;
      expect(s.kiosk.filter((o) => restrictedIds.has(o.productId)), p.id).toEqual([]);
      expect(s.signage.map((o) => o.offerId).filter((id) => [...offerOf.values()].includes(id)), p.id).toEqual([]);
      // Not vacuous: the screens are filled, with the other live offers.
      expect(s.kiosk.length).toBeGreaterThan(0);
      expect(s.signage.length).toBeGreaterThan(0);
    }
  });

  it('with KIOSK_SHOWS_RESTRICTED=true: each one ranked first leads the kiosk, and still none reaches signage', async () => {
    const { t, restricted, customerId, today } = await demoStore(true);
    const offerOf = await campaignOnEveryRestrictedProduct(t, restricted);
    const restrictedOffers = new Set(offerOf.values());
    const signageNames = new Set<string>();
    for (const p of restricted) {
      const s = await t.services.scan.chooseOffers(customerId, [{ productId: p.id, score: 1 }], today);
      await s.recorded;
      // The campaign offer is live and shown to this shopper: only the policy keeps it off signage.
      // One card per name: the demo data sells several wines as "Premium 750ml Wines 750 ml", and
      // the card ranked first is the best offer among them.
      const sameName = restricted.filter((q) => displayNameOf(q).toLowerCase() === displayNameOf(p).toLowerCase()).map((q) => q.id);
      expect(sameName, p.id).toContain(s.kiosk[0]!.productId);
      expect(s.kiosk[0], p.id).toMatchObject({ offerId: offerOf.get(s.kiosk[0]!.productId), personal: true });
      expect(s.signage.filter((o) => restrictedOffers.has(o.offerId)), p.id).toEqual([]);
      expect(s.signage.length).toBeGreaterThan(0);
      for (const o of s.signage) signageNames.add(o.category);
    }
    for (const c of signageNames) expect(t.services.catalog.isRestricted({ department: '', category: c }), c).toBe(false);
  });

  it('refuses an offer on any of them without kioskOnly, with a coded error naming the field', async () => {
    const { t, restricted } = await demoStore(false);
    const headers = await t.staffHeaders('marketer');
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
    await post('/api/v1/campaigns', { id: 'cmp-x', name: 'X', startsOn: '2000-01-01', endsOn: '2999-12-31', holdoutPct: 0 });
    for (const p of restricted) {
      for (const kioskOnly of [undefined, false]) {
        const res = await post('/api/v1/campaigns/cmp-x/offers', { productId: p.id, title: 'Deal', discountKind: 'percent', discountValue: 10, ...(kioskOnly === undefined ? {} : { kioskOnly }) });
        expect(res.statusCode, p.id).toBe(409);
        expect(res.json().error).toMatchObject({ code: 'VITRINA_ERR_OFFER_NOT_ELIGIBLE', message: expect.stringContaining('restricted'), details: [{ path: '/kioskOnly' }] });
      }
    }
    // Nothing was written; an ordinary product needs no flag and gets no warning.
    t.services.offers.invalidate();
    expect((await t.services.offers.live(storeDate(t.services.config.STORE_TIME_ZONE, new Date()))).filter((o) => o.campaign_id === 'cmp-x')).toEqual([]);
    const ordinary = (await t.services.catalog.forDisplay(await t.services.catalog.allIds()));
    const bread = [...ordinary.values()].find((p) => p.category === 'Bread')!;
    const ok = await post('/api/v1/campaigns/cmp-x/offers', { productId: bread.id, title: 'Deal', discountKind: 'percent', discountValue: 10 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ offerId: expect.any(String), campaignId: 'cmp-x', restricted: false });
  });
});
