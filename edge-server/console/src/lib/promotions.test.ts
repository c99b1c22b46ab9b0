import { describe, expect, it } from 'vitest';
import type { Promotion } from '@vitrina/contracts';
import { buildPromotionRequest, describeAudience, describeDiscount, describeTarget, describeUsage, type PromotionForm } from './promotions';

const form: PromotionForm = {
  name: ' Weekend apples ',
  discountType: 'percent',
  discountValue: '20',
  scope: 'product',
  targets: '1001, 1002\n1003',
  audience: 'all',
  segment: '',
  startsOn: '2026-11-27',
  endsOn: '2026-11-29',
  stacking: 'exclusive',
  minBasket: '',
  maxUses: '',
  maxUsesPerCustomer: '1',
  budget: '500',
  campaignId: '',
};

describe('promotion builder', () => {
  it('builds a contract request with trimmed names, target lists and money in minor units', () => {
    const { request, problems } = buildPromotionRequest(form);
    expect(problems).toEqual([]);
    expect(request).toEqual({
      name: 'Weekend apples',
      discount: { type: 'percent', value: 20 },
      target: { scope: 'product', productIds: ['1001', '1002', '1003'] },
      audience: { type: 'all' },
      conditions: { startsOn: '2026-11-27', endsOn: '2026-11-29' },
      stacking: 'exclusive',
      limits: { maxUsesPerCustomer: 1, budgetMinor: 50000 },
    });
  });
  it('refuses what the server would refuse, with a reason for each', () => {
    const { request, problems } = buildPromotionRequest({ ...form, name: '', discountValue: '150', targets: '', endsOn: '2026-11-01', maxUses: '0', budget: '1.234' });
    expect(request).toBeNull();
    expect(problems).toHaveLength(6);
  });
  it('needs a segment name for segment audiences', () => {
    expect(buildPromotionRequest({ ...form, audience: 'segment', segment: 'bad name!' }).problems).toHaveLength(1);
    expect(buildPromotionRequest({ ...form, audience: 'segment', segment: 'champions' }).request?.audience).toEqual({ type: 'segment', segment: 'champions' });
  });
  it('describes promotions in staff words', () => {
    expect(describeDiscount({ type: 'amount', value: 150 })).toBe('$1.50 off');
    // The kiosk's wording for a fixed price, no longer the console's own "for $2.99".
    expect(describeDiscount({ type: 'price', value: 299 })).toBe('Now $2.99');
    expect(describeDiscount({ type: 'percent', value: 20 })).toBe('20% off');
    expect(describeDiscount({ type: 'points', value: 1000 })).toBe('1,000 bonus points');
    expect(describeTarget({ scope: 'category', categories: ['APPLES', 'PEARS', 'PLUMS'] })).toBe('3 categories');
    expect(describeAudience({ type: 'grant' })).toBe('With a code or grant');
    const p: Promotion = { id: 'p', status: 'live', definition: { ...buildPromotionRequest(form).request!, limits: { maxUses: 100, budgetMinor: 50000 } }, usage: { uses: 12, discountMinor: 3400 } };
    expect(describeUsage(p)).toBe('12 of 100 uses · $34.00 of $500.00 budget');
  });
});
