/**
 * The share of a sale line that a return of some of its units gives back. Computed on the
 * cumulative units returned, so partial returns always add up exactly to the whole line
 * (a line of 3 for 1000 refunds 333, 333, 334 — never 999 or 1002 in total).
 */
export function cumulativeShare(amount: number, quantity: number, returnedBefore: number, returningNow: number): number {
  const A = BigInt(amount);
  const Q = BigInt(quantity);
  const upTo = (n: number) => Number((A * BigInt(n)) / Q);
  return upTo(returnedBefore + returningNow) - upTo(returnedBefore);
}

export interface SaleLineAmounts {
  quantity: number;
  netMinor: number;
  discountMinor: number;
  promoDiscountMinor: number;
  pointsEarned: number;
  pointsRedeemed: number;
}

/** What a return of `units` from a line refunds, given `before` units already returned. */
export function refundOf(line: SaleLineAmounts, before: number, units: number) {
  const s = (x: number) => cumulativeShare(x, line.quantity, before, units);
  return {
    netMinor: s(line.netMinor),
    discountMinor: s(line.discountMinor),
    promoDiscountMinor: s(line.promoDiscountMinor),
    pointsEarned: s(line.pointsEarned),
    pointsRedeemed: s(line.pointsRedeemed),
  };
}
