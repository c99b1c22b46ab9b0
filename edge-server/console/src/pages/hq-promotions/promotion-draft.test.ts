import { describe, expect, it } from 'vitest';
import type { PromotionDefinition, PublishedPromotion } from '@vitrina/contracts';
import { buildPromotionPublish, draftOfPublished, newPromotionDraft } from './promotion-draft';

const base = { audience: { type: 'all' as const }, stacking: 'exclusive' as const, limits: {} };
const published = (definition: PromotionDefinition, status = 'paused'): PublishedPromotion => ({
  publication: {
    id: 'pub-1', kind: 'promotions', entityId: 'promo-1', version: 2, target: { scope: 'stores', storeIds: ['s2'] }, storeIds: ['s2'],
    subjects: [], summary: '', publishedAt: '2026-03-01T10:00:00.000Z', publishedBy: 'mia',
  },
  payload: { promotionId: 'promo-1', definition, status },
});

describe("head office's promotion form", () => {
  it('round-trips published promotions of every shape: editing nothing re-publishes the same promotion', () => {
    const defs: PromotionDefinition[] = [
      { ...base, name: 'Coffee 10%', discount: { type: 'percent', value: 10 }, target: { scope: 'product', productIds: ['p-coffee', 'p-tea'] }, conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31' } },
      {
        name: 'Dairy, evenings', discount: { type: 'amount', value: 150 }, target: { scope: 'category', categories: ['Dairy'] }, audience: { type: 'segment', segment: 'rfm-at_risk' },
        conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31', minBasketMinor: 2000, timeWindow: { from: '18:00', to: '22:00' }, daysOfWeek: [1, 5], excludeProductIds: ['p-cream'] },
        stacking: 'stackable', limits: { maxUses: 100, maxUsesPerCustomer: 2, budgetMinor: 50000 }, campaignId: 'cmp-1',
      },
      { ...base, name: '3 for 2', discount: { type: 'amount', value: 0 }, target: { scope: 'product', productIds: ['p-milk'] }, conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31' }, rule: { kind: 'n_for_m', buy: 3, pay: 2 } },
      { ...base, name: 'Bundle', discount: { type: 'amount', value: 0 }, target: { scope: 'basket' }, conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31' }, rule: { kind: 'bundle', items: [{ productId: 'p-a', quantity: 2 }, { productId: 'p-b', quantity: 1 }], priceMinor: 999 } },
      { ...base, name: 'Tiers', discount: { type: 'amount', value: 0 }, target: { scope: 'basket' }, conditions: { startsOn: '2026-03-01', endsOn: '2026-03-31' }, rule: { kind: 'threshold', tiers: [{ fromMinor: 300000, percent: 10 }, { fromMinor: 500000, percent: 15 }] } },
    ];
    for (const definition of defs) {
      const p = published(definition);
      expect(buildPromotionPublish(draftOfPublished(p))).toEqual({ request: { target: p.publication.target, payload: p.payload }, problems: [] });
    }
  });

  it('gives a new promotion an id, and refuses to publish without stores or with form problems', () => {
    const d = newPromotionDraft('2026-05-01');
    expect(buildPromotionPublish({ ...d, form: { ...d.form, name: 'May' } }, (p) => `${p}-x`).request).toMatchObject({
      target: { scope: 'all' }, payload: { promotionId: 'promo-x', status: 'live', definition: { name: 'May', discount: { type: 'percent', value: 10 } } },
    });
    const bad = buildPromotionPublish({ ...d, target: { scope: 'region', region: '', storeIds: [] } });
    expect(bad.request).toBeNull();
    expect(bad.problems).toHaveLength(2); // no name, no region
  });
});
