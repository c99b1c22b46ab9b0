import { entryOpenAt, wallMinutes, weekdayOf, type ScheduleEntry, type ScheduleInput, type TimeWindow } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { addDays, daysBetween, isAcceptedLocalDate } from '../../shared/calendar.js';

type Problem = { path: string; message: string };

/**
 * What the schema cannot say about a schedule: real days with the end not before the start,
 * windows that are not empty (`start == end`) and do not start at 24:00, unique ids, and no two
 * emergency entries open at the same moment (which would leave the screen to pick one).
 * Throws VITRINA_ERR_SCHEDULE_INVALID or VITRINA_ERR_EMERGENCY_OVERLAP; nothing is written.
 */
export function checkSchedule(input: ScheduleInput): void {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  input.entries.forEach((e, i) => {
    if (ids.has(e.id)) problems.push({ path: `/entries/${i}/id`, message: `Entry id "${e.id}" is used twice.` });
    ids.add(e.id);
    for (const key of ['startDate', 'endDate'] as const) {
      const day = e[key];
      if (day !== null && !isAcceptedLocalDate(day)) problems.push({ path: `/entries/${i}/${key}`, message: `"${day}" is not a calendar day between 2000 and 2099.` });
    }
    if (e.startDate && e.endDate && e.endDate < e.startDate) problems.push({ path: `/entries/${i}/endDate`, message: `Entry "${e.label || e.id}" ends (${e.endDate}) before it starts (${e.startDate}).` });
    e.windows.forEach((w, j) => windowProblems(w, `/entries/${i}/windows/${j}`, problems));
  });
  const powerIds = new Set<string>();
  input.power.forEach((p, i) => {
    if (powerIds.has(p.id)) problems.push({ path: `/power/${i}/id`, message: `Power window id "${p.id}" is used twice.` });
    powerIds.add(p.id);
    windowProblems(p, `/power/${i}`, problems);
  });
  if (problems.length > 0) throw new VitrinaError('VITRINA_ERR_SCHEDULE_INVALID', problems[0]!.message, problems);
  const emergencies = input.entries.filter((e) => e.priority === 'emergency');
  for (let a = 0; a < emergencies.length; a++) {
    for (let b = a + 1; b < emergencies.length; b++) {
      const at = firstOverlap(emergencies[a]!, emergencies[b]!);
      if (at) {
        throw new VitrinaError('VITRINA_ERR_EMERGENCY_OVERLAP', `Emergency entries "${emergencies[a]!.id}" and "${emergencies[b]!.id}" are both on at ${at}.`, [
          { path: `/entries/${input.entries.indexOf(emergencies[b]!)}`, message: `Overlaps "${emergencies[a]!.id}" at ${at}.` },
        ]);
      }
    }
  }
}

function windowProblems(w: TimeWindow, path: string, problems: Problem[]) {
  if (w.start === '24:00') problems.push({ path: `${path}/start`, message: 'A window cannot start at 24:00; use 00:00.' });
  else if (wallMinutes(w.start) === wallMinutes(w.end) || (w.start === '00:00' && w.end === '00:00')) {
    problems.push({ path, message: `The window ${w.start}–${w.end} is empty; all day is 00:00–24:00.` });
  }
}

/** Anchor for entries without dates: any day works, openness then repeats weekly. */
const ANCHOR = '2001-01-01';

/**
 * The first wall-clock moment (as "YYYY-MM-DD HH:MM") both entries are open, or null. Exact:
 * two open stretches meet iff one's first minute lies in the other, and every stretch starts at
 * a window start or at midnight (an overnight tail); days strictly inside both date ranges repeat
 * weekly, so the first and last 9 days of the shared range cover every case.
 */
export function firstOverlap(a: ScheduleEntry, b: ScheduleEntry): string | null {
  const starts = [a.startDate, b.startDate].filter((d): d is string => d !== null).sort();
  const ends = [a.endDate, b.endDate].filter((d): d is string => d !== null).sort();
  const lo = starts.at(-1) ?? (ends[0] ? addDays(ends[0], -9) : ANCHOR);
  // An overnight window of the last day runs into the next.
  const hi = ends[0] ? addDays(ends[0], 1) : addDays(lo, 9);
  if (hi < lo) return null;
  const span = daysBetween(lo, hi);
  const days = span <= 18 ? range(lo, span + 1) : [...range(lo, 9), ...range(addDays(hi, -8), 9)];
  const minutes = [...new Set([0, ...[a, b].flatMap((e) => e.windows.map((w) => wallMinutes(w.start)))])];
  for (const date of days) {
    const weekday = weekdayOf(date);
    for (const minute of minutes) {
      const at = { date, weekday, minute };
      if (entryOpenAt(a, at) && entryOpenAt(b, at)) return `${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    }
  }
  return null;
}

function range(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}
