import { describe, expect, it } from 'vitest';
import { groupDigits, isValidEan13, startedWith } from './card-number';

describe('groupDigits', () => {
  it('groups a virtual card number in fours, the check digit alone at the end', () => {
    expect(groupDigits('2991234567890')).toBe('2991 2345 6789 0');
  });
  it('leaves short and exact multiples without a trailing space', () => {
    expect(groupDigits('123')).toBe('123');
    expect(groupDigits('12345678')).toBe('1234 5678');
  });
});

describe('isValidEan13', () => {
  it('accepts a correct check digit and refuses the other nine', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== 1) expect(isValidEan13(`400638133393${d}`)).toBe(false);
  });
  it('refuses wrong lengths and non-digits', () => {
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339a1')).toBe(false);
  });
});

describe('startedWith', () => {
  it('counts anything a scanner or wedge read as a card', () => {
    expect(startedWith('0612345678', 'scanner')).toBe('card');
    expect(startedWith('0612345678', 'wedge')).toBe('card');
  });
  it('reads typed digits as a card when they pass the card check digits, else as a phone', () => {
    expect(startedWith('4006381333931', 'keypad')).toBe('card');
    expect(startedWith('4006381333932', 'keypad')).toBe('phone');
    expect(startedWith('4111111111111111', 'keypad')).toBe('card'); // Luhn PAN
    expect(startedWith('4111111111111112', 'keypad')).toBe('phone');
    expect(startedWith('447700900123', 'keypad')).toBe('phone');
    expect(startedWith('0612345678', 'keypad')).toBe('phone');
  });
});
