import type { DiscountKind } from './discounts.js';
import { sharedT } from './locale/format.js';
import type { Language } from './locale/store-locale.js';

/** How the numbers inside a discount text are written; the console passes its own formatters. */
export interface DiscountTextFormat {
  /** Integer minor units → e.g. "$1.50". */
  money(minor: number): string;
  /** A points count → e.g. "100". */
  count(n: number): string;
  /** Which catalogue the words come from (SHARED_MESSAGES). */
  language: Language;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The demo store's wording (its tests pin these exact strings); a store's own comes from createFormatters. */
export const DEFAULT_DISCOUNT_TEXT_FORMAT: DiscountTextFormat = {
  money: (minor) => usd.format(minor / 100),
  count: (n) => String(n),
  language: 'en',
};

/**
 * The words a shopper (or staff) reads for a discount: "20% off", "$1.00 off", "100 bonus points",
 * "Now $2.99" — or "Скидка 20%", "100 бонусных баллов", "Теперь 2,99 ₽". The one wording for kiosk,
 * signage and console; a `Formatters` from createFormatters is a complete format.
 */
export function discountText(kind: DiscountKind, value: number, format: Partial<DiscountTextFormat> = {}): string {
  const money = format.money ?? DEFAULT_DISCOUNT_TEXT_FORMAT.money;
  const count = format.count ?? DEFAULT_DISCOUNT_TEXT_FORMAT.count;
  const t = sharedT(format.language ?? DEFAULT_DISCOUNT_TEXT_FORMAT.language);
  switch (kind) {
    case 'percent':
      return t('discount.percent', { value });
    case 'amount':
      return t('discount.amount', { money: money(value) });
    case 'points':
      return t('discount.points', { count: value, n: count(value) });
    case 'price':
      return t('discount.price', { money: money(value) });
  }
}
