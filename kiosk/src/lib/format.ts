/** Display formatting for the shopper. Store currency and locale are one constant each. */
export const LOCALE = 'en-US';
export const CURRENCY = 'USD';

const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });
const count = new Intl.NumberFormat(LOCALE);

export function formatMoney(minor: number): string {
  return money.format(minor / 100);
}

export function formatPoints(points: number): string {
  return count.format(points);
}

/** "Dec 31" from an ISO date; the raw text when it is not a date. */
export function formatShortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(LOCALE, { month: 'short', day: 'numeric' });
}

/**
 * Product data from the store's catalogue is often ALL CAPS ("FRZN SS PREMIUM ENTREES").
 * Shoppers read Title Case more easily; mixed-case names are left as they are.
 */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/&(-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Card/phone input shown as dots except the last 4 digits. */
export function maskDigits(digits: string): string {
  if (digits.length <= 4) return digits;
  return '•'.repeat(digits.length - 4) + digits.slice(-4);
}

/** "Silver member"; a tier already called "Member" (or "Gold Member") is not doubled. */
export function tierLabel(name: string): string {
  return /\bmember$/i.test(name.trim()) ? name.trim() : `${name.trim()} member`;
}
