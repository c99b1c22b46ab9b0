import type { DiscountKind } from './discounts.js';

/** How the numbers inside a discount text are written; the console passes its own formatters. */
export interface DiscountTextFormat {
  /** Integer minor units → e.g. "$1.50". */
  money(minor: number): string;
  /** A points count → e.g. "100". */
  count(n: number): string;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** What the edge server prints on kiosk and signage offers (its tests pin these exact strings). */
export const DEFAULT_DISCOUNT_TEXT_FORMAT: DiscountTextFormat = {
  money: (minor) => usd.format(minor / 100),
  count: (n) => String(n),
};

/**
 * The words a shopper (or staff) reads for a discount: "20% off", "$1.00 off", "100 bonus points",
 * "Now $2.99". The one wording for kiosk, signage and console; only number formatting may differ.
 */
export function discountText(kind: DiscountKind, value: number, format: Partial<DiscountTextFormat> = {}): string {
  const money = format.money ?? DEFAULT_DISCOUNT_TEXT_FORMAT.money;
  const count = format.count ?? DEFAULT_DISCOUNT_TEXT_FORMAT.count;
  switch (kind) {
    case 'percent':
      return `${value}% off`;
    case 'amount':
      return `${money(value)} off`;
    case 'points':
      return `${count(value)} bonus points`;
    case 'price':
      return `Now ${money(value)}`;
  }
}
