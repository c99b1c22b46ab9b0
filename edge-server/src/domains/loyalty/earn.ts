import { floorLargestRemainder } from '../../shared/money/allocate.js';

/**
 * Points earned on a receipt: a percentage (basis points) of each line's net amount, times the
 * line's category multiplier and the shopper's tier multiplier, plus fixed bonus points per
 * unit of some products, plus bonus points from promotions. Computed exactly over the whole
 * receipt, then floored once (fractions to the lines with the largest remainders), so the
 * per-line points a refund reverses always add up to what was awarded.
 */

export interface EarnLine {
  productId: string;
  category: string;
  department: string;
  quantity: number;
  /** Amount the points are earned on (net, minus the part paid with points). */
  earnBaseMinor: number;
}

export interface EarnRules {
  rateBp: number;
  tierMultiplierPct: number;
  /** category or department → multiplier in percent (200 = double points). */
  categoryMultiplierPct: ReadonlyMap<string, number>;
  /** product id → bonus points per unit. */
  productBonusPoints: ReadonlyMap<string, number>;
}

export function categoryMultiplier(rules: EarnRules, line: Pick<EarnLine, 'category' | 'department'>): number {
  return rules.categoryMultiplierPct.get(line.category) ?? rules.categoryMultiplierPct.get(line.department) ?? 100;
}

/** Points per line (never negative) and their total. `extraPerLine` adds promotion points. */
export function computeEarn(lines: readonly EarnLine[], rules: EarnRules, extraPerLine: readonly number[] = []): { perLine: number[]; total: number } {
  const denominator = 10_000n * 100n * 100n;
  const numerators = lines.map((l) =>
    l.earnBaseMinor > 0 ? BigInt(l.earnBaseMinor) * BigInt(rules.rateBp) * BigInt(categoryMultiplier(rules, l)) * BigInt(rules.tierMultiplierPct) : 0n,
  );
  const base = floorLargestRemainder(numerators, denominator);
  const perLine = lines.map((l, i) => base[i]! + (l.quantity > 0 ? (rules.productBonusPoints.get(l.productId) ?? 0) * l.quantity : 0) + (extraPerLine[i] ?? 0));
  return { perLine, total: perLine.reduce((s, p) => s + p, 0) };
}
