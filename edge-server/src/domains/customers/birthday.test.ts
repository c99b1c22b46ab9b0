import { describe, expect, it } from 'vitest';
import { birthDateOf } from './birthday.js';

const today = '2026-11-29';
const code = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe('a birthday given at the kiosk', () => {
  it('keeps day and month, with or without a year', () => {
    expect(birthDateOf({ day: 7, month: 3 }, today)).toBe('0000-03-07');
    expect(birthDateOf({ day: 7, month: 3, year: 1990 }, today)).toBe('1990-03-07');
    expect(birthDateOf({ day: 29, month: 2 }, today)).toBe('0000-02-29');
    expect(birthDateOf({ day: 29, month: 2, year: 2000 }, today)).toBe('2000-02-29');
  });

  it('refuses a day the calendar does not have, and a future year', () => {
    expect(code(() => birthDateOf({ day: 31, month: 2 }, today))).toBe('VITRINA_ERR_BIRTHDAY_INVALID');
    expect(code(() => birthDateOf({ day: 31, month: 4, year: 1980 }, today))).toBe('VITRINA_ERR_BIRTHDAY_INVALID');
    expect(code(() => birthDateOf({ day: 29, month: 2, year: 2001 }, today))).toBe('VITRINA_ERR_BIRTHDAY_INVALID');
    expect(code(() => birthDateOf({ day: 1, month: 1, year: 2027 }, today))).toBe('VITRINA_ERR_BIRTHDAY_INVALID');
  });
});
