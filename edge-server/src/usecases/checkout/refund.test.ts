import { describe, expect, it } from 'vitest';
import { cumulativeShare, refundOf } from './refund.js';

describe('refund shares', () => {
  it('partial returns of a line add up exactly to the line', () => {
    const parts = [cumulativeShare(1000, 3, 0, 1), cumulativeShare(1000, 3, 1, 1), cumulativeShare(1000, 3, 2, 1)];
    expect(parts).toEqual([333, 333, 334]);
    expect(cumulativeShare(1000, 3, 0, 3)).toBe(1000);
  });

  it('gives back net, discounts, earned and redeemed points in proportion', () => {
    const line = { quantity: 4, netMinor: 1999, discountMinor: 100, promoDiscountMinor: 101, pointsEarned: 19, pointsRedeemed: 50 };
    expect(refundOf(line, 0, 2)).toEqual({ netMinor: 999, discountMinor: 50, promoDiscountMinor: 50, pointsEarned: 9, pointsRedeemed: 25 });
    expect(refundOf(line, 2, 2)).toEqual({ netMinor: 1000, discountMinor: 50, promoDiscountMinor: 51, pointsEarned: 10, pointsRedeemed: 25 });
  });
});
