/**
 * Means with 95% confidence intervals and the paired comparison the promotion gate uses.
 * Per-user metrics of two rankers on the same users are strongly correlated, so the paired
 * standard error of their difference is far smaller than either method's own spread: it is
 * the test that can tell a real gain from noise on a few hundred shoppers.
 */
export interface Interval {
  mean: number;
  /** 95% interval: mean ± 1.96 standard errors. */
  lo: number;
  hi: number;
  se: number;
}

export function meanInterval(values: ArrayLike<number>): Interval {
  const n = values.length;
  if (n === 0) return { mean: 0, lo: 0, hi: 0, se: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0;
  return { mean, lo: mean - 1.96 * se, hi: mean + 1.96 * se, se };
}

export interface PairedComparison {
  /** Mean of a − b over the same users. */
  diff: number;
  se: number;
  /** diff / se (Infinity when every pair differs by the same positive amount). */
  z: number;
}

export function pairedComparison(a: ArrayLike<number>, b: ArrayLike<number>): PairedComparison {
  const d = Float64Array.from({ length: a.length }, (_, i) => a[i]! - b[i]!);
  const { mean, se } = meanInterval(d);
  return { diff: mean, se, z: se > 0 ? mean / se : mean > 0 ? Infinity : mean < 0 ? -Infinity : 0 };
}
