import { describe, expect, it } from 'vitest';
import { DISCOUNT_KINDS } from '@vitrina/contracts';
import { addDays, campaignFormProblems, DISCOUNT_KIND_CHOICES, discountValueFromInput, idempotencyKey, isDay, parseMoneyInput, todayLocal } from './forms';

describe('form helpers', () => {
  it('parses money typed by staff into exact minor units', () => {
    expect(parseMoneyInput('1.5')).toBe(150);
    expect(parseMoneyInput('$1,234.56')).toBe(123456);
    expect(parseMoneyInput('0.1')).toBe(10);
    expect(parseMoneyInput('19.99')).toBe(1999);
    expect(parseMoneyInput('1.999')).toBeNull();
    expect(parseMoneyInput('-5')).toBeNull();
    expect(parseMoneyInput('abc')).toBeNull();
    expect(parseMoneyInput('')).toBeNull();
  });
  it('converts discount inputs per kind', () => {
    expect(discountValueFromInput('percent', '20')).toBe(20);
    expect(discountValueFromInput('percent', '120')).toBeNull();
    expect(discountValueFromInput('percent', '0')).toBeNull();
    expect(discountValueFromInput('amount', '2.50')).toBe(250);
    expect(discountValueFromInput('price', '0')).toBeNull();
    expect(discountValueFromInput('points', '500')).toBe(500);
    expect(discountValueFromInput('points', '5.5')).toBeNull();
  });
  it('offers every discount kind of the contract, in the order the forms have always shown', () => {
    expect([...DISCOUNT_KIND_CHOICES].sort()).toEqual([...DISCOUNT_KINDS].sort());
    expect(DISCOUNT_KIND_CHOICES).toEqual(['percent', 'amount', 'price', 'points']);
  });
  it('does calendar arithmetic on days without DST shifts', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(todayLocal(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
  });
  it('lists campaign form problems', () => {
    expect(campaignFormProblems({ name: 'Autumn', startsOn: '2026-10-01', endsOn: '2026-10-31', holdoutPct: 10 })).toEqual([]);
    expect(campaignFormProblems({ name: '', startsOn: '2026-10-31', endsOn: '2026-10-01', holdoutPct: 101 })).toHaveLength(3);
  });
  it('makes distinct idempotency keys within the contract length', () => {
    const a = idempotencyKey();
    expect(a).not.toBe(idempotencyKey());
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(128);
  });
});
