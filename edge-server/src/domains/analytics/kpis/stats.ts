/** Small exact-enough statistics for measurement (no sampling, no priors). */

export const Z95 = 1.959963984540054;

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/**
 * Relative lift of treatment over control, (mT − mC) / mC, with a 95 % interval from the delta
 * method on the ratio of two independent means:
 *   Var(lift) ≈ Var(mT)/mC² + mT²·Var(mC)/mC⁴, Var(m) = s²/n.
 * Null when the control mean is 0 or an arm is empty.
 */
export function liftWithCi(treatment: readonly number[], control: readonly number[]): { lift: number; ciLow: number; ciHigh: number } | null {
  if (treatment.length === 0 || control.length === 0) return null;
  const mT = mean(treatment);
  const mC = mean(control);
  if (mC === 0) return null;
  const vT = variance(treatment) / treatment.length;
  const vC = variance(control) / control.length;
  const se = Math.sqrt(vT / mC ** 2 + (mT ** 2 * vC) / mC ** 4);
  const lift = (mT - mC) / mC;
  return { lift, ciLow: lift - Z95 * se, ciHigh: lift + Z95 * se };
}
