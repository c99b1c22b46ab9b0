/**
 * Splits an amount over lines so that the shares always sum exactly to the amount.
 * Exact integer arithmetic (BigInt: minor units × weights can exceed 2^53).
 */

/**
 * Shares of `total` proportional to `weights` (floored); the remainder goes to the largest
 * line (the first of equal ones). A share never exceeds its line's weight: if the largest line
 * is full, the rest spills to the next largest. Requires 0 ≤ total ≤ Σ weights.
 */
export function allocateToLargest(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total < 0 || total > sum) throw new RangeError(`Cannot allocate ${total} over lines worth ${sum}`);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const T = BigInt(total);
  const S = BigInt(sum);
  const shares = weights.map((w) => (w > 0 ? Number((T * BigInt(w)) / S) : 0));
  let rest = total - shares.reduce((s, x) => s + x, 0);
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { w, i } of order) {
    if (rest === 0) break;
    const room = Math.max(0, w) - shares[i]!;
    const add = Math.min(room, rest);
    shares[i]! += add;
    rest -= add;
  }
  return shares;
}

/**
 * Floors exact rationals (numerators over one denominator) so they sum to the floor of their
 * total; the units lost to flooring go to the largest fractional parts (ties: larger line first).
 */
export function floorLargestRemainder(numerators: readonly bigint[], denominator: bigint): number[] {
  const floors = numerators.map((n) => (n > 0n ? n / denominator : 0n));
  const total = numerators.reduce((s, n) => s + (n > 0n ? n : 0n), 0n) / denominator;
  let rest = Number(total - floors.reduce((s, f) => s + f, 0n));
  const order = numerators
    .map((n, i) => ({ frac: n > 0n ? n % denominator : -1n, n, i }))
    .sort((a, b) => (b.frac > a.frac ? 1 : b.frac < a.frac ? -1 : b.n > a.n ? 1 : b.n < a.n ? -1 : a.i - b.i));
  const out = floors.map(Number);
  for (const { i } of order) {
    if (rest === 0) break;
    out[i]! += 1;
    rest -= 1;
  }
  return out;
}

/** Rounds num/den half away from zero, exactly. */
export function roundHalfUp(num: bigint, den: bigint): number {
  const q = num / den;
  const r = num % den;
  return Number(2n * (r < 0n ? -r : r) >= den ? q + (num < 0n ? -1n : 1n) : q);
}

/**
 * Shares of `total` proportional to `weights` with no per-line cap (bonus points may exceed a
 * line's amount); floored, the remainder to the largest weight. All-zero weights: first line.
 */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const w = weights.map((x) => Math.max(0, x));
  const sum = w.reduce((s, x) => s + x, 0);
  if (sum === 0) return w.map((_, i) => (i === 0 ? total : 0));
  const shares = w.map((x) => Number((BigInt(total) * BigInt(x)) / BigInt(sum)));
  const rest = total - shares.reduce((s, x) => s + x, 0);
  let largest = 0;
  w.forEach((x, i) => { if (x > w[largest]!) largest = i; });
  shares[largest]! += rest;
  return shares;
}
