/**
 * Display formatting every device app shows the shopper the same way (kiosk and signage).
 * The store's locale and currency are one constant each, here, so two screens side by side
 * never disagree on how a price looks. App-only helpers stay in the app's own lib/format.ts.
 */
export const LOCALE = 'en-US';
export const CURRENCY = 'USD';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });

/** Prices and savings arrive in minor units (cents), as every contract carries them. */
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
