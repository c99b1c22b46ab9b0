import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/**
 * Year written for a birthday given without one. ISO 8601 year 0000 is nobody's birth year, keeps
 * the column's YYYY-MM-DD shape (birthday windows read only its month and day) and sorts first.
 */
export const UNKNOWN_BIRTH_YEAR = '0000';

/** A leap year: a birthday without a year may be 29 February. */
const LEAP_YEAR = 2000;

/**
 * The stored birth date (YYYY-MM-DD) of a birthday the shopper gave as day, month and an optional
 * year. A day the calendar does not have (31 February; 29 February of a common year) or a year in
 * the future is refused with VITRINA_ERR_BIRTHDAY_INVALID.
 */
export function birthDateOf(b: { day: number; month: number; year?: number | undefined }, today: string): string {
  const year = b.year ?? LEAP_YEAR;
  const probe = new Date(Date.UTC(year, b.month - 1, b.day));
  if (!Number.isInteger(b.day) || !Number.isInteger(b.month) || probe.getUTCMonth() !== b.month - 1 || probe.getUTCDate() !== b.day) {
    throw new VitrinaError('VITRINA_ERR_BIRTHDAY_INVALID', `${b.day}/${b.month}${b.year ? `/${b.year}` : ''} is not a day of the calendar.`);
  }
  const monthDay = `${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
  if (b.year === undefined) return `${UNKNOWN_BIRTH_YEAR}-${monthDay}`;
  const date = `${String(b.year).padStart(4, '0')}-${monthDay}`;
  if (date > today) throw new VitrinaError('VITRINA_ERR_BIRTHDAY_INVALID', 'A birthday cannot be in the future.');
  return date;
}
