import type { ReportBucket } from '@vitrina/contracts';
import { addDays, isoDayOfWeek } from '../../../shared/calendar.js';

/** The first day of the bucket holding `day`: the day, its ISO week's Monday, or its month's 1st (the SQL in reports-repository.ts agrees). */
export function bucketStart(day: string, bucket: ReportBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'week') return addDays(day, 1 - isoDayOfWeek(day));
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the bucket after the one starting at `start`. */
export function nextBucket(start: string, bucket: ReportBucket): string {
  if (bucket === 'day') return addDays(start, 1);
  if (bucket === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every bucket start touching [from, to], in order (the first may start before `from`). */
export function bucketStarts(from: string, to: string, bucket: ReportBucket): string[] {
  const out: string[] = [];
  for (let s = bucketStart(from, bucket); s <= to; s = nextBucket(s, bucket)) out.push(s);
  return out;
}
