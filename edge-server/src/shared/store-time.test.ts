import { describe, expect, it } from 'vitest';
import { storeDate } from './store-time.js';

describe('storeDate', () => {
  it('turns the date at local midnight, also in a zone a quarter of an hour off the hour, in any order of asking', () => {
    // Kathmandu is UTC+5:45: local midnight is 18:15 UTC.
    const before = new Date('2026-11-30T18:14:59.999Z');
    const after = new Date('2026-11-30T18:15:00.000Z');
    expect(storeDate('Asia/Kathmandu', before)).toBe('2026-11-30');
    expect(storeDate('Asia/Kathmandu', after)).toBe('2026-12-01');
    expect(storeDate('Asia/Kathmandu', before)).toBe('2026-11-30');
    expect(storeDate('America/St_Johns', after)).toBe('2026-11-30'); // UTC−3:30, same minute, another zone
    expect(storeDate('Europe/Moscow', new Date('2026-11-30T20:59:59Z'))).toBe('2026-11-30');
    expect(storeDate('Europe/Moscow', new Date('2026-11-30T21:00:00Z'))).toBe('2026-12-01');
  });

  it('refuses an invalid instant as Intl does', () => {
    expect(() => storeDate('Europe/Moscow', new Date('nonsense'))).toThrow(RangeError);
  });
});
