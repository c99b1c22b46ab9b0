/**
 * Catalogue names as both screens show them to the shopper. Money, counts, points and dates are
 * formatted by `createFormatters` in @vitrina/contracts (the store's currency and time zone, the
 * reader's language), reached in each app through `useT().fmt`.
 */

/**
 * Product data from the store's catalogue is often ALL CAPS ("FRZN SS PREMIUM ENTREES").
 * Shoppers read Title Case more easily; mixed-case names are left as they are.
 */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/&(-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
