const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last date formatted per zone, by the UTC minute it was for. */
const lastDate = new Map<string, { minute: number; date: string }>();

/**
 * The calendar date (YYYY-MM-DD) at `instant` in the store's time zone. A scan asks several
 * times, each `Intl` format costing ~10 µs: the answer is kept for its UTC minute, since every
 * zone's offset from UTC is a whole number of minutes, so a local date changes only between two.
 */
export function storeDate(timeZone: string, instant: Date = new Date()): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastDate.get(timeZone);
  if (last?.minute === minute) return last.date;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const date = f.format(instant);
  lastDate.set(timeZone, { minute, date });
  return date;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight at `instant` in the store's time zone (0–1439): promotion time windows. */
export function storeMinuteOfDay(timeZone: string, instant: Date): number {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  return hour * 60 + minute;
}
