import { describe, expect, it } from 'vitest';
import { armFor, holdoutBucket } from './holdout.js';
import { birthdayWindow } from './birthday.js';

describe('birthday window (store calendar)', () => {
  it('opens on the birthday and lasts the configured days', () => {
    expect(birthdayWindow('1990-06-10', '2026-06-09', 7)).toBeNull();
    expect(birthdayWindow('1990-06-10', '2026-06-10', 7)).toEqual({ from: '2026-06-10', to: '2026-06-16', year: 2026 });
    expect(birthdayWindow('1990-06-10', '2026-06-16', 7)?.to).toBe('2026-06-16');
    expect(birthdayWindow('1990-06-10', '2026-06-17', 7)).toBeNull();
  });

  it('runs over New Year and handles 29 February', () => {
    expect(birthdayWindow('1985-12-30', '2027-01-02', 7)).toEqual({ from: '2026-12-30', to: '2027-01-05', year: 2026 });
    expect(birthdayWindow('2000-02-29', '2027-02-28', 1)).toEqual({ from: '2027-02-28', to: '2027-02-28', year: 2027 });
    expect(birthdayWindow('2000-02-29', '2028-02-28', 1)).toBeNull();
    expect(birthdayWindow(null, '2026-01-01', 7)).toBeNull();
  });
});

describe('holdout assignment', () => {
  it('is stable and close to the configured share', () => {
    expect(armFor('cmp-1', 'cust-42', 20)).toBe(armFor('cmp-1', 'cust-42', 20));
    const arms = Array.from({ length: 10_000 }, (_, i) => armFor('cmp-1', `cust-${i}`, 20));
    const control = arms.filter((a) => a === 'control').length;
    expect(control).toBeGreaterThan(1800);
    expect(control).toBeLessThan(2200);
    expect(armFor('cmp-1', 'cust-1', 0)).toBe('treatment');
    expect(armFor('cmp-1', 'cust-1', 100)).toBe('control');
  });

  it('assigns independently per campaign', () => {
    const same = Array.from({ length: 1000 }, (_, i) => holdoutBucket('a', `c${i}`) < 5000 === holdoutBucket('b', `c${i}`) < 5000).filter(Boolean).length;
    expect(same).toBeGreaterThan(420);
    expect(same).toBeLessThan(580);
  });
});
