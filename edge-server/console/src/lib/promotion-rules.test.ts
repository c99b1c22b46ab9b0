import { describe, expect, it } from 'vitest';
import { buildPromotionRequest, describeDiscount, type PromotionForm } from './promotions';
import { EMPTY_RULE, describeWhen, type RuleForm } from './promotion-rules';
import { buildRewardRequest } from './rewards';

const base: PromotionForm = {
  name: 'Apples 3 for 2', discountType: 'percent', discountValue: '', scope: 'product', targets: 'p-apples', audience: 'all', segment: '',
  startsOn: '2026-11-27', endsOn: '2026-11-29', stacking: 'stackable', minBasket: '', maxUses: '', maxUsesPerCustomer: '', budget: '', campaignId: '',
};
const withRule = (rule: Partial<RuleForm>) => buildPromotionRequest({ ...base, rule: { ...EMPTY_RULE, ...rule } });

describe('promotion mechanics in the console form', () => {
  it('3 for 2: the rule, a neutral flat discount, no discount problems', () => {
    const { request, problems } = withRule({ mechanic: 'n_for_m', buy: '3', pay: '2' });
    expect(problems).toEqual([]);
    expect(request).toMatchObject({ discount: { type: 'amount', value: 0 }, rule: { kind: 'n_for_m', buy: 3, pay: 2 }, target: { scope: 'product', productIds: ['p-apples'] } });
    expect(describeDiscount(request!.discount, request!.rule)).toBe('3 for the price of 2');
  });

  it('a happy hour: percent off with a time window and weekdays; overnight allowed, an empty window refused', () => {
    const happy = buildPromotionRequest({ ...base, discountValue: '20', rule: { ...EMPTY_RULE, timeFrom: '17:00', timeTo: '19:00', days: [5, 1] } });
    expect(happy.request).toMatchObject({ discount: { type: 'percent', value: 20 }, conditions: { timeWindow: { from: '17:00', to: '19:00' }, daysOfWeek: [1, 5] } });
    expect(describeWhen(happy.request!.conditions)).toBe('17:00–19:00 · Mon, Fri');
    expect(buildPromotionRequest({ ...base, discountValue: '20', rule: { ...EMPTY_RULE, timeFrom: '22:00', timeTo: '02:00' } }).problems).toEqual([]);
    expect(buildPromotionRequest({ ...base, discountValue: '20', rule: { ...EMPTY_RULE, timeFrom: '10:00', timeTo: '10:00' } }).problems).toHaveLength(1);
  });

  it('builds every other kind from its fields (money in minor units)', () => {
    expect(withRule({ mechanic: 'buy_x_get_y', buyProducts: 'p-coffee', buyQuantity: '2', getProducts: 'p-cup', getQuantity: '1', percent: '100' }).request!.rule)
      .toEqual({ kind: 'buy_x_get_y', buyProductIds: ['p-coffee'], buyQuantity: 2, getProductIds: ['p-cup'], getQuantity: 1, percent: 100 });
    // 1 000.00 → 100000 minor units
    expect(withRule({ mechanic: 'gift', giftProduct: 'p-bag', giftMinBasket: '1000.00' }).request!.rule).toEqual({ kind: 'gift', productId: 'p-bag', minBasketMinor: 100000 });
    expect(withRule({ mechanic: 'cheapest', setSize: '3', percent: '50' }).request!.rule).toEqual({ kind: 'cheapest', setSize: 3, percent: 50 });
    expect(withRule({ mechanic: 'bundle', bundleItems: 'p-burger×1, p-fries x2', bundlePrice: '299' }).request!.rule)
      .toEqual({ kind: 'bundle', items: [{ productId: 'p-burger', quantity: 1 }, { productId: 'p-fries', quantity: 2 }], priceMinor: 29900 });
    // "3000=10; 5000=15" → 300000 at 10 %, 500000 at 15 %
    expect(withRule({ mechanic: 'threshold', tiers: '3000=10; 5000=15' }).request!.rule).toEqual({ kind: 'threshold', tiers: [{ fromMinor: 300000, percent: 10 }, { fromMinor: 500000, percent: 15 }] });
    expect(withRule({ mechanic: 'cumulative', tiers: '10000=3' }).request!.rule).toEqual({ kind: 'cumulative', tiers: [{ fromMinor: 1000000, percent: 3 }] });
    expect(withRule({ mechanic: 'coupon', couponPromotion: 'next10', couponDays: '30' }).request!.rule).toEqual({ kind: 'coupon', promotionId: 'next10', validDays: 30 });
    expect(withRule({ mechanic: 'simple', exclude: 'p-tobacco' }).problems).toHaveLength(1); // the flat discount still needs a value
    expect(buildPromotionRequest({ ...base, discountValue: '5', rule: { ...EMPTY_RULE, exclude: 'p-tobacco' } }).request!.conditions.excludeProductIds).toEqual(['p-tobacco']);
  });

  it('refuses what the server would refuse', () => {
    expect(withRule({ mechanic: 'n_for_m', buy: '3', pay: '3' }).request).toBeNull();
    expect(withRule({ mechanic: 'buy_x_get_y', buyProducts: '', getProducts: 'p-cup' }).request).toBeNull();
    expect(withRule({ mechanic: 'bundle', bundleItems: 'p-burger×1', bundlePrice: '299' }).request).toBeNull();
    expect(withRule({ mechanic: 'threshold', tiers: '3000 is ten' }).request).toBeNull();
  });
});

describe('reward form', () => {
  const form = { name: ' Coffee voucher ', kind: 'voucher' as const, points: '500', stock: '20', limit: '1', startsOn: '2026-11-01', endsOn: '2026-12-31', productId: '', promotionId: 'coffee-200', validDays: '14' };
  it('builds a voucher reward', () => {
    expect(buildRewardRequest(form)).toEqual({ problems: [], request: { kind: 'voucher', name: 'Coffee voucher', pointsPrice: 500, stock: 20, perMemberLimit: 1, startsOn: '2026-11-01', endsOn: '2026-12-31', promotionId: 'coffee-200', voucherValidDays: 14 } });
  });
  it('lists every problem', () => {
    expect(buildRewardRequest({ ...form, name: '', points: '0', stock: '-1', promotionId: '', endsOn: '2026-10-01' }).problems).toHaveLength(5);
  });
});
