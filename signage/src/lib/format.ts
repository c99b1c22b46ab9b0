/** Display formatting for the shopper. Store currency and locale are one constant each. */
export const LOCALE = 'en-US';
export const CURRENCY = 'USD';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });

export function formatMoney(minor: number): string {
  return money.format(minor / 100);
}

/**
 * Product data from the store's catalogue is often ALL CAPS ("FRZN SS PREMIUM ENTREES").
 * Shoppers read Title Case more easily; mixed-case names are left as they are.
 */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/&(-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

