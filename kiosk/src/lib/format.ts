/**
 * Kiosk-only display helpers. Money, counts, points with their plural and dates come from
 * `useT().fmt` (contracts' createFormatters: the store's currency and time zone, the shopper's
 * language); catalogue names from `displayName` in @vitrina/contracts/client.
 */
import type { TFunction } from 'i18next';

/** Card/phone input shown as dots except the last 4 digits. */
export function maskDigits(digits: string): string {
  if (digits.length <= 4) return digits;
  return '•'.repeat(digits.length - 4) + digits.slice(-4);
}

/** "Silver member" / "Уровень «Silver»"; a tier already called "Member" (or "Gold Member") is not doubled. */
export function tierLabel(name: string, t: TFunction): string {
  return /\bmember$/i.test(name.trim()) ? name.trim() : t('points.tier', { name: name.trim() });
}
