import { storeDate } from './store-time.js';

/**
 * Calendar arithmetic on store-local days (YYYY-MM-DD strings). A local day is a pure calendar
 * date: adding days never goes through an instant, so daylight-saving changes cannot shift it.
 * Converting an instant to its local day uses the store's IANA time zone (Intl).
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The first and last day the store accepts in any date input (periods, history, reports). */
export const FIRST_ACCEPTED_DAY = '2000-01-01';
export const LAST_ACCEPTED_DAY = '2099-12-31';

/** A real calendar day within [FIRST_ACCEPTED_DAY, LAST_ACCEPTED_DAY]. */
export function isAcceptedLocalDate(s: string): boolean {
  return isLocalDate(s) && s >= FIRST_ACCEPTED_DAY && s <= LAST_ACCEPTED_DAY;
}

/**
 * A real calendar day at most `years` years before or after `today` (a "today-like" input:
 * a pinned report day, a sweep day). 29 February moves to the 28th in common years.
 */
export function isLocalDateNear(day: string, today: string, years: number): boolean {
  return isLocalDate(day) && day >= addYears(today, -years) && day <= addYears(today, years);
}

/** The same month and day `years` years later (earlier when negative). */
export function addYears(date: string, years: number): string {
  return monthDayIn(Number(date.slice(0, 4)) + years, date.slice(5));
}

function toUtcMidnight(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a local date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMidnight(b) - toUtcMidnight(a)) / DAY_MS);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: string): number {
  const d = new Date(toUtcMidnight(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The store-local day of an instant. */
export function localDateOf(timeZone: string, instant: string | Date): string {
  return storeDate(timeZone, typeof instant === 'string' ? new Date(instant) : instant);
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** MM-DD in a given year; 02-29 falls on 02-28 in common years. */
export function monthDayIn(year: number, monthDay: string): string {
  const [mm, dd] = monthDay.split('-');
  const day = mm === '02' && dd === '29' && !isLeap(year) ? '28' : dd;
  return `${String(year).padStart(4, '0')}-${mm}-${day}`;
}

/** The most recent occurrence of MM-DD on or before `today`. */
export function lastOccurrence(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = monthDayIn(year, monthDay);
  return thisYear <= today ? thisYear : monthDayIn(year - 1, monthDay);
}

/** The next occurrence of MM-DD strictly after `today`. */
export function nextOccurrence(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = monthDayIn(year, monthDay);
  return thisYear > today ? thisYear : monthDayIn(year + 1, monthDay);
}
