import { describe, expect, it } from 'vitest';
import { allocateToLargest, floorLargestRemainder, roundHalfUp } from './allocate.js';

describe('allocation', () => {
  it('splits a basket discount proportionally with the remainder on the largest line', () => {
    // 100 over 3 equal-ish lines: 333/333/334 → floors 33,33,33 (sum 99), remainder 1 to the 334 line.
    expect(allocateToLargest(100, [333, 333, 334])).toEqual([33, 33, 34]);
    expect(allocateToLargest(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(allocateToLargest(0, [5, 5])).toEqual([0, 0]);
  });

  it('always sums exactly and never exceeds a line', () => {
    for (let seed = 1; seed < 300; seed++) {
      const weights = Array.from({ length: (seed % 7) + 1 }, (_, i) => ((seed * 7919 + i * 104729) % 5000) + (i % 3 === 0 ? 0 : 1));
      const sum = weights.reduce((s, w) => s + w, 0);
      const total = (seed * 31) % (sum + 1);
      const shares = allocateToLargest(total, weights);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
      shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(weights[i]!));
    }
  });

  it('refuses to allocate more than the lines are worth', () => {
    expect(() => allocateToLargest(11, [5, 5])).toThrow(RangeError);
  });

  it('floors rationals with the lost units on the largest fractions', () => {
    expect(floorLargestRemainder([15n, 15n, 10n], 10n)).toEqual([2, 1, 1]);
  });

  it('rounds half up exactly', () => {
    expect(roundHalfUp(250n, 100n)).toBe(3);
    expect(roundHalfUp(249n, 100n)).toBe(2);
  });
});
