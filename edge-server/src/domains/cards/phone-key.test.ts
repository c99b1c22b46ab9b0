import { describe, expect, it } from 'vitest';
import { phoneKey, phoneRegionOf } from './phone-key.js';

describe('phoneKey: one spelling per phone', () => {
  it('reads every way a Russian shopper or a file writes the same mobile number as one number', () => {
    for (const typed of ['+79161234567', '+7 916 123-45-67', '89161234567', '79161234567', '9161234567']) expect(phoneKey(typed, 'RU')).toBe('+79161234567');
  });
  it('reads national US numbers in a US store, and international ones anywhere', () => {
    expect(phoneKey('2015550123', 'US')).toBe('+12015550123');
    expect(phoneKey('+12015550123', 'RU')).toBe('+12015550123');
    expect(phoneKey('+79161234567', 'US')).toBe('+79161234567');
  });
  it('keeps what it cannot take for a valid number, and never throws', () => {
    for (const odd of ['0612345678', '1234567', '+999999999999', '', '\u0000', 'x'.repeat(10_000)]) expect(phoneKey(odd, 'RU')).toBe(odd);
    expect(phoneKey('0612345678', undefined)).toBe('0612345678');
  });
  it('takes the region from the store locale', () => {
    expect(phoneRegionOf('ru-RU')).toBe('RU');
    expect(phoneRegionOf('en-US')).toBe('US');
    expect(phoneRegionOf('ru')).toBeUndefined();
  });
});
