import { describe, expect, it } from 'vitest';
import type { PromotionDefinition } from '@vitrina/contracts';
import { evaluate, type EngineContext, type EngineLine, type EnginePromotion } from './engine.js';

const lines: EngineLine[] = [
  { productId: 'milk', category: 'Dairy', department: 'Grocery', quantity: 2, netMinor: 698 },
  { productId: 'coffee', category: 'Coffee', department: 'Grocery', quantity: 1, netMinor: 1299 },
  { productId: 'apples', category: 'Fruit', department: 'Produce', quantity: 3, netMinor: 1197 },
];

const ctx: EngineContext = {
  customerId: 'c1', tierId: 'silver', segments: new Set(['families']), localDate: '2026-06-10', // a Wednesday
  unlocked: new Set(), armOf: () => 'treatment', pointValueMinor: 1,
};

function promo(id: string, over: Partial<PromotionDefinition> = {}, usage = { uses: 0, customerUses: 0, discountMinor: 0 }): EnginePromotion {
  return {
    id,
    def: {
      name: id, discount: { type: 'percent', value: 10 }, target: { scope: 'basket' }, audience: { type: 'all' },
      conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30' }, stacking: 'stackable', limits: {}, ...over,
    },
    usage,
  };
}

const reasons = (r: ReturnType<typeof evaluate>) => Object.fromEntries(r.rejected.map((x) => [x.promotionId, x.reason]));

describe('promotions engine', () => {
  it('splits a basket percent over the lines, summing exactly with the remainder on the largest line', () => {
    // 10 % of 3194 = 319.4 → 319; shares 69, 129, 119 = 317, remainder 2 → coffee (largest)
    const r = evaluate([promo('p10')], lines, ctx);
    expect(r.applied).toEqual([{ promotionId: 'p10', discountMinor: 319, points: 0, perLine: [69, 131, 119], pointsPerLine: [0, 0, 0] }]);
    expect(r.lineDiscounts.reduce((s, x) => s + x, 0)).toBe(319);
  });

  it('applies product, category, fixed-amount and fixed-price discounts to their lines only', () => {
    const r = evaluate([
      promo('a-amount', { discount: { type: 'amount', value: 150 }, target: { scope: 'category', categories: ['Produce'] } }),
      promo('b-price', { discount: { type: 'price', value: 299 }, target: { scope: 'product', productIds: ['milk'] } }),
    ], lines, ctx);
    expect(r.lineDiscounts).toEqual([100, 0, 150]); // milk 2 × 349 → 2 × 299
  });

  it('checks period, day of week, tier, audience, minimum basket and quantity', () => {
    const r = evaluate([
      promo('ended', { conditions: { startsOn: '2026-05-01', endsOn: '2026-06-09' } }),
      promo('weekend', { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', daysOfWeek: [6, 7] } }),
      promo('gold', { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', tierIds: ['gold'] } }),
      promo('other', { audience: { type: 'customer', customerId: 'c2' } }),
      promo('seniors', { audience: { type: 'segment', segment: 'seniors' } }),
      promo('grant', { audience: { type: 'grant' } }),
      promo('big', { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', minBasketMinor: 5000 } }),
      promo('three-milk', { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', minQuantity: { productId: 'milk', quantity: 3 } } }),
      promo('wed', { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-10', daysOfWeek: [3], minQuantity: { productId: 'milk', quantity: 2 } }, audience: { type: 'segment', segment: 'families' } }),
    ], lines, ctx);
    expect(reasons(r)).toEqual({
      ended: 'inactive', weekend: 'day', gold: 'tier', other: 'audience', seniors: 'audience', grant: 'audience', big: 'min_basket', 'three-milk': 'min_quantity',
    });
    expect(r.applied.map((a) => a.promotionId)).toEqual(['wed']);
  });

  it('an unlocked (granted or presented) promotion passes the audience check', () => {
    const r = evaluate([promo('grant', { audience: { type: 'grant' } })], lines, { ...ctx, unlocked: new Set(['grant']) });
    expect(r.applied).toHaveLength(1);
  });

  it('stacks stackables, but takes the best exclusive when it beats the stack', () => {
    const small = [promo('s5', { discount: { type: 'percent', value: 5 } }), promo('s-pts', { discount: { type: 'points', value: 50 } })];
    const excl = promo('x20', { stacking: 'exclusive', discount: { type: 'percent', value: 20 } });
    const weak = promo('x-amt', { stacking: 'exclusive', discount: { type: 'amount', value: 100 } });
    const r = evaluate([...small, excl, weak], lines, ctx);
    // stack: 160 (5 %) + 50 points ≈ 210; x20: 639 → x20 wins alone
    expect(r.applied.map((a) => [a.promotionId, a.discountMinor])).toEqual([['x20', 639]]);
    expect(reasons(r)).toMatchObject({ s5: 'not_best', 's-pts': 'not_best', 'x-amt': 'not_best' });
    const stackWins = evaluate([...small, weak], lines, ctx);
    expect(stackWins.applied.map((a) => a.promotionId)).toEqual(['s-pts', 's5']);
  });

  it('never discounts a line below zero when stackables pile up', () => {
    const r = evaluate([promo('a', { discount: { type: 'percent', value: 80 } }), promo('b', { discount: { type: 'percent', value: 80 } })], lines, ctx);
    lines.forEach((l, i) => expect(r.lineDiscounts[i]).toBeLessThanOrEqual(l.netMinor));
    expect(r.applied.map((a) => a.discountMinor)).toEqual([2555, 511]); // 80 % of 3194, then 80 % of the 639 left
  });

  it('enforces total uses, per-customer uses and the money budget (capping the last use)', () => {
    const r = evaluate([
      promo('max', { limits: { maxUses: 10 } }, { uses: 10, customerUses: 0, discountMinor: 0 }),
      promo('mine', { limits: { maxUsesPerCustomer: 1 } }, { uses: 3, customerUses: 1, discountMinor: 0 }),
      promo('spent', { limits: { budgetMinor: 1000 } }, { uses: 9, customerUses: 0, discountMinor: 1000 }),
      promo('last', { limits: { budgetMinor: 1000 } }, { uses: 9, customerUses: 0, discountMinor: 900 }),
    ], lines, ctx);
    expect(reasons(r)).toEqual({ max: 'max_uses', mine: 'customer_limit', spent: 'budget' });
    expect(r.applied).toEqual([expect.objectContaining({ promotionId: 'last', discountMinor: 100 })]);
    expect(r.applied[0]!.perLine.reduce((s, x) => s + x, 0)).toBe(100);
  });

  it('gives control customers nothing from their campaign', () => {
    const r = evaluate([promo('camp', { campaignId: 'cmp-1' })], lines, { ...ctx, armOf: () => 'control' });
    expect(reasons(r)).toEqual({ camp: 'holdout' });
  });
});
