import { describe, expect, it } from 'vitest';
import type { PromotionDefinition, PromotionRule } from '@vitrina/contracts';
import { evaluate, type EngineContext, type EngineLine, type EnginePromotion } from './engine.js';
import { contradictionOf } from './rules.js';

/**
 * Hand-checked formulas for every promotion rule. Each expected number is worked out in the
 * comment above it; the engine must land on it to the kopeck.
 */

const line = (productId: string, quantity: number, netMinor: number, category = 'General'): EngineLine => ({ productId, category, department: 'Store', quantity, netMinor });

const ctx: EngineContext = {
  customerId: 'c1', tierId: null, segments: new Set(), localDate: '2026-06-10', // Wednesday
  unlocked: new Set(), armOf: () => 'treatment', pointValueMinor: 1,
};

function promo(id: string, rule: PromotionRule | undefined, over: Partial<PromotionDefinition> = {}, usage = { uses: 0, customerUses: 0, discountMinor: 0 }): EnginePromotion {
  return {
    id,
    def: {
      name: id, discount: { type: 'amount', value: 0 }, target: { scope: 'basket' }, audience: { type: 'all' },
      conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30' }, stacking: 'stackable', limits: {}, ...(rule ? { rule } : {}), ...over,
    },
    usage,
  };
}

const one = (p: EnginePromotion, lines: EngineLine[], c: EngineContext = ctx) => evaluate([p], lines, c);
const reasonOf = (r: ReturnType<typeof evaluate>, id: string) => r.rejected.find((x) => x.promotionId === id)?.reason;

describe('n for m (3 for 2)', () => {
  const rule: PromotionRule = { kind: 'n_for_m', buy: 3, pay: 2 };

  it('makes one of three equal units free', () => {
    // 3 × 89.90 = 269.70; floor(3 / 3) × (3 − 2) = 1 unit free = 26970 / 3 = 8990
    const r = one(promo('p', rule), [line('yogurt', 3, 26970)]);
    expect(r.applied[0]!.perLine).toEqual([8990]);
  });

  it('frees the cheapest units across lines', () => {
    // A: 3 × 100.00 = 30000, B: 3 × 50.00 = 15000; 6 units → floor(6/3) × 1 = 2 free, both of B:
    // 2 × 15000 / 3 = 10000
    const r = one(promo('p', rule), [line('a', 3, 30000), line('b', 3, 15000)]);
    expect(r.applied[0]!.perLine).toEqual([0, 10000]);
    expect(r.applied[0]!.discountMinor).toBe(10000);
  });

  it('gives nothing for two units', () => {
    // floor(2 / 3) = 0 groups
    const r = one(promo('p', rule), [line('a', 2, 20000)]);
    expect(r.applied).toEqual([]);
    expect(reasonOf(r, 'p')).toBe('no_eligible_lines');
  });

  it('keeps to the budget: the last use is capped to what is left', () => {
    // discount 8990, budget 20000 with 15000 given → 5000 left
    const r = one(promo('p', rule, { limits: { budgetMinor: 20000 } }, { uses: 3, customerUses: 0, discountMinor: 15000 }), [line('yogurt', 3, 26970)]);
    expect(r.applied[0]!.discountMinor).toBe(5000);
  });
});

describe('buy x get y', () => {
  it('another product free: buy 2 coffee, get 1 cup', () => {
    // coffee 4 units → floor(4/2) × 1 = 2 cups; cups 3 × 2.50 = 750 → 2 × 750 / 3 = 500
    const r = one(promo('p', { kind: 'buy_x_get_y', buyProductIds: ['coffee'], buyQuantity: 2, getProductIds: ['cup'], getQuantity: 1, percent: 100 }),
      [line('coffee', 4, 5196), line('cup', 3, 750)]);
    expect(r.applied[0]!.perLine).toEqual([0, 500]);
  });

  it('the same product at half price: buy 1 tea, the second at 50 %', () => {
    // tea 3 × 3.33 = 999; groups of 1 + 1: floor(3/2) = 1 unit at 50 %: 999 × 50 / (3 × 100) = 166.5 → 167
    const r = one(promo('p', { kind: 'buy_x_get_y', buyProductIds: ['tea'], buyQuantity: 1, getProductIds: ['tea'], getQuantity: 1, percent: 50 }), [line('tea', 3, 999)]);
    expect(r.applied[0]!.perLine).toEqual([167]);
  });

  it('gives no more get units than are in the basket', () => {
    // coffee 6 → 3 cups due, only 1 cup rung: 1 × 250 = 250
    const r = one(promo('p', { kind: 'buy_x_get_y', buyProductIds: ['coffee'], buyQuantity: 2, getProductIds: ['cup'], getQuantity: 1, percent: 100 }),
      [line('coffee', 6, 7794), line('cup', 1, 250)]);
    expect(r.applied[0]!.perLine).toEqual([0, 250]);
  });
});

describe('gift with a basket', () => {
  const rule: PromotionRule = { kind: 'gift', productId: 'bag', minBasketMinor: 100000 };
  it('gives one gift unit free when the rest of the basket reaches the threshold', () => {
    // rest = 150000 ≥ 100000 → one bag (29.90) free; the second bag is paid
    const r = one(promo('p', rule), [line('tv', 1, 150000), line('bag', 2, 5980)]);
    expect(r.applied[0]!.perLine).toEqual([0, 2990]);
  });
  it('gives nothing below the threshold (the gift itself does not count)', () => {
    // rest = 99000 < 100000, although 99000 + 2990 > 100000
    const r = one(promo('p', rule), [line('tv', 1, 99000), line('bag', 1, 2990)]);
    expect(r.applied).toEqual([]);
  });
});

describe('discount on the cheapest item of a set', () => {
  it('takes 50 % off the cheapest unit of every 3', () => {
    // units: shirt 3000, socks 500, socks 500, hat 1500 → 4 units → 1 group → cheapest = a sock:
    // 1 × 1000 × 50 / (2 × 100) = 250
    const r = one(promo('p', { kind: 'cheapest', setSize: 3, percent: 50 }), [line('shirt', 1, 3000), line('socks', 2, 1000), line('hat', 1, 1500)]);
    expect(r.applied[0]!.perLine).toEqual([0, 250, 0]);
  });
});

describe('bundle price', () => {
  it('prices each complete set and splits the saving over its units', () => {
    // sets = min(2/1, 1/1, 1/1) = 1; regular 19900 + 9900 + 7900 = 37700; off = 37700 − 29900 = 7800
    // split by value: 7800 × 19900 / 37700 = 4117.2 → 4117, × 9900 → 2048.2 → 2048, × 7900 → 1634.4 → 1634;
    // 7799, the remaining 1 to the largest (burger) → 4118
    const r = one(promo('p', { kind: 'bundle', items: [{ productId: 'burger', quantity: 1 }, { productId: 'fries', quantity: 1 }, { productId: 'drink', quantity: 1 }], priceMinor: 29900 }),
      [line('burger', 2, 39800), line('fries', 1, 9900), line('drink', 1, 7900)]);
    expect(r.applied[0]!.perLine).toEqual([4118, 2048, 1634]);
    expect(r.applied[0]!.discountMinor).toBe(7800);
  });
  it('gives nothing when the bundle price is not lower', () => {
    const r = one(promo('p', { kind: 'bundle', items: [{ productId: 'a', quantity: 1 }, { productId: 'b', quantity: 1 }], priceMinor: 5000 }), [line('a', 1, 2000), line('b', 1, 2000)]);
    expect(r.applied).toEqual([]);
  });
});

describe('spend-threshold tiers', () => {
  const rule: PromotionRule = { kind: 'threshold', tiers: [{ fromMinor: 300000, percent: 10 }, { fromMinor: 500000, percent: 15 }] };
  it('3,000 ₽ gets 10 %', () => {
    // 200000 + 150000 = 350000 ≥ 300000 → 10 % = 35000; split 35000 × 200000/350000 = 20000, 15000
    const r = one(promo('p', rule), [line('a', 1, 200000), line('b', 1, 150000)]);
    expect(r.applied[0]!.perLine).toEqual([20000, 15000]);
  });
  it('5,000 ₽ exactly gets 15 %', () => {
    // 500000 × 15 % = 75000
    expect(one(promo('p', rule), [line('a', 1, 500000)]).applied[0]!.discountMinor).toBe(75000);
  });
  it('2,999.99 ₽ gets nothing', () => {
    expect(one(promo('p', rule), [line('a', 1, 299999)]).applied).toEqual([]);
  });
});

describe('cumulative (lifetime spend)', () => {
  const rule: PromotionRule = { kind: 'cumulative', tiers: [{ fromMinor: 1000000, percent: 3 }, { fromMinor: 5000000, percent: 5 }] };
  it('grows with lifetime spend', () => {
    // lifetime 12,000 ₽ → 3 %: 10001 × 3 / 100 = 300.03 → 300
    expect(one(promo('p', rule), [line('a', 1, 10001)], { ...ctx, lifetimeSpendMinor: 1200000 }).applied[0]!.discountMinor).toBe(300);
    // lifetime 50,000 ₽ → 5 %: 10001 × 5 / 100 = 500.05 → 500
    expect(one(promo('p', rule), [line('a', 1, 10001)], { ...ctx, lifetimeSpendMinor: 5000000 }).applied[0]!.discountMinor).toBe(500);
    // below the first tier: nothing
    expect(one(promo('p', rule), [line('a', 1, 10001)], { ...ctx, lifetimeSpendMinor: 999999 }).applied).toEqual([]);
  });
});

describe('next-order coupon', () => {
  it('applies with no discount and names the grant to issue', () => {
    const r = one(promo('p', { kind: 'coupon', promotionId: 'next10', validDays: 30 }, { conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', minBasketMinor: 100000 } }), [line('a', 1, 120000)]);
    expect(r.applied).toEqual([{ promotionId: 'p', discountMinor: 0, points: 0, perLine: [0], pointsPerLine: [0], coupon: { promotionId: 'next10', validDays: 30 } }]);
  });
});

describe('time-of-day and day-of-week windows (store time)', () => {
  const happy = promo('happy', undefined, { discount: { type: 'percent', value: 20 }, conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', timeWindow: { from: '17:00', to: '19:00' } } });
  it('happy hour 17:00–19:00: from inclusive, to exclusive, minute precision', () => {
    // 20 % of 1000 = 200
    expect(one(happy, [line('a', 1, 1000)], { ...ctx, localMinute: 17 * 60 }).applied[0]!.discountMinor).toBe(200);
    expect(one(happy, [line('a', 1, 1000)], { ...ctx, localMinute: 18 * 60 + 59 }).applied[0]!.discountMinor).toBe(200);
    expect(reasonOf(one(happy, [line('a', 1, 1000)], { ...ctx, localMinute: 19 * 60 }), 'happy')).toBe('time');
    expect(reasonOf(one(happy, [line('a', 1, 1000)], { ...ctx, localMinute: 16 * 60 + 59 }), 'happy')).toBe('time');
  });
  it('an overnight window belongs to the day it opened', () => {
    const night = promo('night', undefined, { discount: { type: 'percent', value: 10 }, conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', timeWindow: { from: '22:00', to: '02:00' }, daysOfWeek: [5] } });
    const at = (localDate: string, localMinute: number) => one(night, [line('a', 1, 1000)], { ...ctx, localDate, localMinute });
    expect(at('2026-06-12', 23 * 60).applied).toHaveLength(1); // Friday 23:00
    expect(at('2026-06-13', 60).applied).toHaveLength(1); // Saturday 01:00, still Friday night
    expect(reasonOf(at('2026-06-13', 23 * 60), 'night')).toBe('day'); // Saturday 23:00
    expect(reasonOf(at('2026-06-13', 2 * 60), 'night')).toBe('time'); // 02:00: closed
  });
});

describe('stacking and exclusions', () => {
  it('best_of: only the best of the group joins the stack, after the stackables', () => {
    // stackable 100 off → room 9900; best_of 10 % = 990 vs 15 % = 1485 → 15 % joins: 100 + 1485 = 1585
    const r = evaluate([
      promo('a-amount', undefined, { discount: { type: 'amount', value: 100 } }),
      promo('b10', undefined, { discount: { type: 'percent', value: 10 }, stacking: 'best_of' }),
      promo('b15', undefined, { discount: { type: 'percent', value: 15 }, stacking: 'best_of' }),
    ], [line('a', 1, 10000)], ctx);
    expect(r.applied.map((a) => [a.promotionId, a.discountMinor])).toEqual([['a-amount', 100], ['b15', 1485]]);
    expect(reasonOf(r, 'b10')).toBe('not_best');
  });
  it('an exclusive promotion wins alone when it beats the stack', () => {
    // stack: 3 for 2 on yogurt = 100; exclusive 20 % of 300 + 1000 = 260 → exclusive wins
    const r = evaluate([
      promo('n', { kind: 'n_for_m', buy: 3, pay: 2 }, { target: { scope: 'product', productIds: ['yogurt'] } }),
      promo('x', undefined, { discount: { type: 'percent', value: 20 }, stacking: 'exclusive' }),
    ], [line('yogurt', 3, 300), line('bread', 1, 1000)], ctx);
    expect(r.applied.map((a) => [a.promotionId, a.discountMinor])).toEqual([['x', 260]]);
  });
  it('excluded products are never discounted', () => {
    // 10 % of milk 1000 only = 100; tobacco excluded
    const r = one(promo('p', undefined, { discount: { type: 'percent', value: 10 }, conditions: { startsOn: '2026-06-01', endsOn: '2026-06-30', excludeProductIds: ['tobacco'] } }), [line('milk', 1, 1000), line('tobacco', 1, 2000)]);
    expect(r.applied[0]!.perLine).toEqual([100, 0]);
  });
});

describe('contradictory rules', () => {
  it('refuses Y free and Y excluded, 3 for 3, half-overlapping sets, a gift that is excluded', () => {
    expect(contradictionOf({ kind: 'buy_x_get_y', buyProductIds: ['x'], buyQuantity: 1, getProductIds: ['y'], getQuantity: 1, percent: 100 }, ['y'])).toMatch(/excluded/);
    expect(contradictionOf({ kind: 'n_for_m', buy: 3, pay: 3 }, [])).toMatch(/pay must be less/);
    expect(contradictionOf({ kind: 'buy_x_get_y', buyProductIds: ['x', 'y'], buyQuantity: 1, getProductIds: ['y', 'z'], getQuantity: 1, percent: 100 }, [])).toMatch(/all among/);
    expect(contradictionOf({ kind: 'gift', productId: 'bag', minBasketMinor: 0 }, ['bag'])).toMatch(/excluded/);
    expect(contradictionOf({ kind: 'n_for_m', buy: 3, pay: 2 }, ['y'])).toBeNull();
  });
});
