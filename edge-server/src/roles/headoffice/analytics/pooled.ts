/**
 * Chain campaign lift: per store, treatment − control as a difference of proportions (bought in
 * the window) and of means (revenue per shopper), each with its unpooled normal standard error;
 * across stores, the fixed-effect inverse-variance pool of the stores' differences (each store's
 * own arms compared, so differences in store size or mix between stores do not leak into the
 * lift). 95% intervals are ± 1.96 SE. A store whose SE is 0 (an arm empty or constant) has no
 * weight in the pool.
 */
export interface Difference {
  diff: number;
  se: number;
  lo: number;
  hi: number;
}

const Z95 = 1.96;

function withInterval(diff: number, se: number): Difference {
  return { diff, se, lo: diff - Z95 * se, hi: diff + Z95 * se };
}

/** Difference of two proportions x1/n1 − x0/n0, null when an arm is empty. */
export function proportionDifference(x1: number, n1: number, x0: number, n0: number): Difference | null {
  if (n1 === 0 || n0 === 0) return null;
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  return withInterval(p1 - p0, Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0));
}

/** Difference of means (Welch's standard error), null when an arm has fewer than 2 values. */
export function meanDifference(treatment: readonly number[], control: readonly number[]): Difference | null {
  if (treatment.length < 2 || control.length < 2) return null;
  const stats = (xs: readonly number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, v: variance / xs.length };
  };
  const t = stats(treatment);
  const c = stats(control);
  return withInterval(t.mean - c.mean, Math.sqrt(t.v + c.v));
}

/** Inverse-variance (fixed-effect) pool of per-store differences; null when no store has a usable SE. */
export function poolDifferences(parts: ReadonlyArray<Difference | null>): Difference | null {
  let sw = 0;
  let swd = 0;
  for (const p of parts) {
    if (!p || !(p.se > 0)) continue;
    const w = 1 / (p.se * p.se);
    sw += w;
    swd += w * p.diff;
  }
  if (sw === 0) return null;
  return withInterval(swd / sw, Math.sqrt(1 / sw));
}

export const POOLING_METHOD = 'per store: difference of proportions (bought in window) and of means (revenue per shopper, Welch SE); chain: inverse-variance fixed-effect pool of the stores\' differences; 95% normal intervals';
