/**
 * Kiosk-only display formatting. Money and catalogue names (`formatMoney`, `displayName`)
 * and the store's LOCALE come from @vitrina/contracts/client, shared with signage.
 */
import { LOCALE } from '@vitrina/contracts/client';

const count = new Intl.NumberFormat(LOCALE);

export function formatPoints(points: number): string {
  return count.format(points);
}

/** "Dec 31" from an ISO date; the raw text when it is not a date. */
export function formatShortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(LOCALE, { month: 'short', day: 'numeric' });
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
