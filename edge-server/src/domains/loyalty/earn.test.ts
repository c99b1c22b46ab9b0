import { describe, expect, it } from 'vitest';
import { computeEarn, type EarnRules } from './earn.js';

const rules: EarnRules = {
  rateBp: 100, // 1 point per 100 minor
  tierMultiplierPct: 150,
  categoryMultiplierPct: new Map([['PRODUCE', 200]]),
  productBonusPoints: new Map([['p-bonus', 5]]),
};

describe('earn rules', () => {
  it('applies rate × category × tier, floors once over the receipt and adds product bonuses', () => {
    const lines = [
      { productId: 'p1', category: 'PRODUCE', department: 'FRESH', quantity: 1, earnBaseMinor: 333 }, // 3.33 × 2 × 1.5 = 9.99
      { productId: 'p2', category: 'DRY', department: 'GROCERY', quantity: 2, earnBaseMinor: 1001 }, // 10.01 × 1.5 = 15.015
      { productId: 'p-bonus', category: 'DRY', department: 'GROCERY', quantity: 3, earnBaseMinor: 0 }, // 3 × 5 bonus
    ];
    const r = computeEarn(lines, rules);
    // exact total 25.005 → 25 base points: floors 9 + 15 = 24, the lost unit goes to the largest fraction (9.99)
    expect(r.perLine).toEqual([10, 15, 15]);
    expect(r.total).toBe(40);
  });

  it('earns nothing on returns or zero lines, and adds promotion points per line', () => {
    const r = computeEarn([{ productId: 'p', category: 'X', department: 'Y', quantity: -1, earnBaseMinor: -500 }], rules, [7]);
    expect(r).toEqual({ perLine: [7], total: 7 });
  });
});
