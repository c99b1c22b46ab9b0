import { describe, expect, it } from 'vitest';
import { addYears, isAcceptedLocalDate, isLocalDate, isLocalDateNear } from './calendar.js';

describe('calendar checks for date inputs', () => {
  it('accepts only days that exist', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-31', '2026-02-29', '2026-13-01', '2026-00-10', '9999-99-99', '2026-1-1', '']) expect(isLocalDate(bad), bad).toBe(false);
  });

  it('keeps any accepted day between 2000-01-01 and 2099-12-31', () => {
    expect(isAcceptedLocalDate('2000-01-01')).toBe(true);
    expect(isAcceptedLocalDate('2099-12-31')).toBe(true);
    expect(isAcceptedLocalDate('1999-12-31')).toBe(false);
    expect(isAcceptedLocalDate('2100-01-01')).toBe(false);
    expect(isAcceptedLocalDate('2026-02-31')).toBe(false);
  });

  it('keeps a today-like day within so many years of today, both ways', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-11-29', -5)).toBe('2021-11-29');
    expect(isLocalDateNear('2031-11-29', '2026-11-29', 5)).toBe(true);
    expect(isLocalDateNear('2031-11-30', '2026-11-29', 5)).toBe(false);
    expect(isLocalDateNear('2021-11-29', '2026-11-29', 5)).toBe(true);
    expect(isLocalDateNear('2021-11-28', '2026-11-29', 5)).toBe(false);
    expect(isLocalDateNear('2026-02-31', '2026-11-29', 5)).toBe(false);
  });
});
