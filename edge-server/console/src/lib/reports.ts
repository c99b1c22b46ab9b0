import type { ReportBucket } from '@vitrina/contracts';

/**
 * The report routes take store days [from, to] and a bucket; the pages pick "the last N days".
 * Here: the store's today (its time zone, not the browser's), the period, the bucket that keeps
 * a chart readable, and bucket labels in the user's language.
 */

/** YYYY-MM-DD of `now` in `timeZone`. */
export function storeToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The last `days` store days ending today. */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const to = storeToday(timeZone, now);
  return { from: addDays(to, -days + 1), to };
}

/** Days for a month, weeks for a quarter, months for a year: 30 to 53 points on a chart at most. */
export function bucketFor(days: number): ReportBucket {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

/** A bucket's label: "Jun 10" for days and weeks (the week's Monday), "Jun 2026" for months. */
export function bucketLabel(start: string, bucket: ReportBucket, locale: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const opts: Intl.DateTimeFormatOptions = bucket === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}

/** An expiry month "2027-03" → "March 2027" in the user's language; "never" stays a word for the caller. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
