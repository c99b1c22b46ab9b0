import { describe, expect, it } from 'vitest';
import { bucketFor, bucketLabel, lastDays, monthLabel, storeToday } from './reports';

describe('report periods', () => {
  it('takes today in the store time zone, not the browser\'s', () => {
    const now = new Date('2026-06-11T02:00:00Z');
    expect(storeToday('America/New_York', now)).toBe('2026-06-10');
    expect(storeToday('Europe/Moscow', now)).toBe('2026-06-11');
    expect(lastDays(30, 'America/New_York', now)).toEqual({ from: '2026-05-12', to: '2026-06-10' });
    expect(lastDays(1, 'Europe/Moscow', now)).toEqual({ from: '2026-06-11', to: '2026-06-11' });
  });

  it('picks days, weeks or months', () => {
    expect([30, 90, 365].map(bucketFor)).toEqual(['day', 'week', 'month']);
  });

  it('labels buckets and months in the user\'s language', () => {
    expect(bucketLabel('2026-06-08', 'week', 'en-US')).toBe('Jun 8');
    expect(bucketLabel('2026-06-01', 'month', 'en-US')).toBe('Jun 2026');
    expect(monthLabel('2027-03', 'en-US')).toBe('March 2027');
    expect(monthLabel('2027-03', 'ru-RU')).toMatch(/^март/);
  });
});
