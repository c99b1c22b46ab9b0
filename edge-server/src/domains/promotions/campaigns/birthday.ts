import { addDays, monthDayIn } from '../../../shared/calendar.js';

/**
 * The birthday window that contains `today`, if any: from the birthday (in the store's
 * calendar; 29 February falls on the 28th in common years) for `windowDays` days. A window
 * that starts in late December runs into January, so last year's birthday is checked too.
 */
export function birthdayWindow(birthDate: string | null, today: string, windowDays: number): { from: string; to: string; year: number } | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const monthDay = birthDate.slice(5);
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const from = monthDayIn(y, monthDay);
    const to = addDays(from, windowDays - 1);
    if (from <= today && today <= to) return { from, to, year: y };
  }
  return null;
}
