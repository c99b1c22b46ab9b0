/**
 * Timestamps of the input format (models/README.md, "Time"). One strict parser shared by
 * every loader, so a file's times mean the same thing whatever the machine's time zone:
 * forms without a zone are read as UTC (Date.parse would read some of them as local time).
 *
 * Accepted, with `T` or one space between date and time:
 *   2007-03-20T13:05:09Z, 2007-03-20T13:05:09.250+08:00, 2007-03-20 13:05:09-0500   ISO-8601 with zone
 *   2007-03-20T13:05, 2007-03-20 13:05:09, 2007-03-20                                 no zone → UTC
 *   2007/03/20 13:05:09, 2007/3/20                                                  slashes, year first
 *   20070320T130509Z, 20070320-13, 20070320-1305, 20070320 130509                    compact: YYYYMMDD, a
 *                                                                                    separator, HH[MM[SS]]
 *   1174395909 (epoch seconds), 1174395909250 (epoch ms), 0, 1, 2 (basket order)     numbers
 * A number is epoch milliseconds when |n| ≥ 1e11 (1e11 ms is March 1973, 1e11 s is year 5138),
 * otherwise seconds (× 1000). Basket order numbers become seconds, which keeps their order.
 * A bare 8-digit number such as 20070320 is a number, not a date: write it 2007-03-20.
 */
const EPOCH_MS_FROM = 1e11;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const DATE_TIME =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})[-T ](\d{2})(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms, or NaN when the value is not one of the accepted forms (or not a real date). */
export function parseTime(raw: string): number {
  const value = raw.trim();
  if (NUMBER.test(value)) {
    const n = Number(value);
    return Math.abs(n) >= EPOCH_MS_FROM ? n : n * 1000;
  }
  let m = DATE_TIME.exec(value);
  if (m) return fromParts(m[1]!, m[3]!, m[4]!, m[5], m[6], m[7], m[8], m[9]);
  m = COMPACT.exec(value);
  if (m) return fromParts(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], undefined, m[7]);
  return Number.NaN;
}

function fromParts(y: string, mo: string, d: string, h?: string, mi?: string, s?: string, frac?: string, zone?: string): number {
  const [year, month, day, hour, minute, second] = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2007-02-30 over to March 2nd; a day that does not exist is not a date.
  if (new Date(utc).getUTCDate() !== day) return Number.NaN;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** The one-line hint printed when times do not parse. */
export const TIME_FORMAT_HINT = 'use ISO-8601 (2007-03-20T13:05:00Z), YYYY-MM-DD HH:MM:SS, YYYY-MM-DD, YYYYMMDD-HH[MM[SS]], or epoch seconds / ms';
