import { describe, expect, it } from 'vitest';
import { meanDifference, poolDifferences, proportionDifference } from './pooled.js';

describe('campaign lift arithmetic', () => {
  it('a difference of proportions with its unpooled normal SE', () => {
    const d = proportionDifference(60, 100, 40, 100)!;
    expect(d.diff).toBeCloseTo(0.2, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(0.24 / 100 + 0.24 / 100), 12);
    expect(d.lo).toBeCloseTo(0.2 - 1.96 * d.se, 12);
    expect(proportionDifference(1, 0, 1, 10)).toBeNull();
  });

  it('a difference of means with Welch\'s SE', () => {
    const d = meanDifference([10, 20, 30], [5, 5, 5, 5])!;
    expect(d.diff).toBe(15);
    expect(d.se).toBeCloseTo(Math.sqrt(100 / 3), 12);
    expect(meanDifference([1], [1, 2])).toBeNull();
  });

  it('pools stores by inverse variance: the precise store weighs more, and the pool is tighter than either', () => {
    const big = { diff: 0.1, se: 0.01, lo: 0, hi: 0 };
    const small = { diff: 0.3, se: 0.03, lo: 0, hi: 0 };
    const p = poolDifferences([big, small, null, { diff: 5, se: 0, lo: 5, hi: 5 }])!;
    expect(p.diff).toBeCloseTo((0.1 / 0.0001 + 0.3 / 0.0009) / (1 / 0.0001 + 1 / 0.0009), 12);
    expect(p.se).toBeLessThan(0.01);
    expect(poolDifferences([null])).toBeNull();
  });
});
