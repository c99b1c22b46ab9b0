/**
 * The next instant at which the store-local clock of `timeZone` reads `hour`:00, after `now`.
 * Walks forward in quarter hours (zones with :30 and :45 offsets, DST days with 23 or 25
 * hours), which is a few hundred formatter calls once a night.
 */
export function nextRunAt(now: Date, hour: number, timeZone: string): Date {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const quarter = 15 * 60_000;
  let t = Math.floor(now.getTime() / quarter) * quarter + quarter;
  for (let i = 0; i < 4 * 50; i++, t += quarter) {
    const parts = fmt.formatToParts(new Date(t));
    const h = Number(parts.find((p) => p.type === 'hour')!.value);
    const m = Number(parts.find((p) => p.type === 'minute')!.value);
    if (h === hour && m === 0) return new Date(t);
  }
  // A zone that skips that hour today and tomorrow (DST at that hour): try again a day later.
  return new Date(now.getTime() + 24 * 3_600_000);
}
