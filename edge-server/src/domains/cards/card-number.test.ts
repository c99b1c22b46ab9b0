import { describe, expect, it } from 'vitest';
import {
  createCardNumberParser,
  compileCardPatterns,
  ean13CheckDigit,
  isValidEan13,
  luhnValid,
  makeEan13,
  normalizeCardNumber,
} from './card-number.js';

describe('ean13CheckDigit', () => {
  // Barcodes printed on real products / the GS1 and ISBN reference examples.
  it.each([
    ['400638133393', 1], // STABILO pen, 4006381333931
    ['590123412345', 7], // GS1 example 5901234123457
    ['978030640615', 7], // ISBN 978-0-306-40615-7
    ['001234567890', 5], // UPC-A 012345678905 as EAN-13
  ])('%s → %i', (first12, digit) => {
    expect(ean13CheckDigit(first12)).toBe(digit);
  });

  it('rejects anything but 12 digits', () => {
    expect(() => ean13CheckDigit('12345')).toThrow(RangeError);
    expect(() => ean13CheckDigit('40063813339a')).toThrow(RangeError);
  });
});

describe('makeEan13', () => {
  it('generates valid, distinct numbers under the prefix', () => {
    const cards = Array.from({ length: 500 }, (_, i) => makeEan13('2990', i));
    expect(new Set(cards).size).toBe(500);
    for (const c of cards) {
      expect(c).toMatch(/^2990\d{9}$/);
      expect(isValidEan13(c)).toBe(true);
    }
    // 2+27+9+0+0+0+0+0+0+0+4+6 = 48 → check digit 2
    expect(makeEan13('2990', 42)).toBe('2990000000422');
  });

  it('refuses numbers that do not fit and bad prefixes', () => {
    expect(() => makeEan13('29900000000', 10)).toThrow(RangeError);
    expect(() => makeEan13('29a', 1)).toThrow(RangeError);
    expect(() => makeEan13('2990', -1)).toThrow(RangeError);
    expect(() => makeEan13('2990', 1.5)).toThrow(RangeError);
  });
});

describe('normalizeCardNumber', () => {
  it('accepts a real EAN-13 with spaces, dashes and a trailing CR/LF', () => {
    expect(normalizeCardNumber(' 4006381-333931\r\n')).toEqual({ ok: true, kind: 'ean13', value: '4006381333931', last4: '3931' });
    expect(normalizeCardNumber('5 901234 123457')).toMatchObject({ ok: true, kind: 'ean13', value: '5901234123457' });
  });

  it('turns full-width digits from on-screen keyboards into ASCII', () => {
    expect(normalizeCardNumber('４００６３８１３３３９３１')).toMatchObject({ ok: true, kind: 'ean13', value: '4006381333931' });
  });

  it('rejects an EAN-13 with a wrong check digit when phones are not allowed (scanner input)', () => {
    const r = normalizeCardNumber('4006381333932', { allowPhone: false });
    expect(r).toEqual({ ok: false, code: 'VITRINA_ERR_CARD_INVALID', message: expect.stringContaining('check digit') });
  });

  it('accepts Luhn-valid PAN-like numbers of 12–19 digits and rejects a broken one', () => {
    expect(normalizeCardNumber('4111 1111 1111 1111')).toEqual({ ok: true, kind: 'pan', value: '4111111111111111', last4: '1111' });
    expect(normalizeCardNumber('5350290149345177')).toMatchObject({ ok: true, kind: 'pan' });
    expect(normalizeCardNumber('4111111111111112', { allowPhone: false })).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('matches configured patterns against the whole cleaned value', () => {
    const parse = createCardNumberParser({ patterns: ['VIP\\d{6}'], allowPhone: false });
    expect(parse('VIP-123 456')).toEqual({ ok: true, kind: 'pattern', value: 'VIP123456', last4: '3456' });
    expect(parse('xVIP123456')).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
    expect(parse('VIP1234567')).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
  });

  it('keeps a global regex from config stateless across calls', () => {
    const parse = createCardNumberParser({ patterns: [/ABC\d{3}/g] });
    expect(parse('ABC123')).toMatchObject({ ok: true, kind: 'pattern' });
    expect(parse('ABC123')).toMatchObject({ ok: true, kind: 'pattern' });
  });

  it('reports an invalid configured regex at compile time, with the pattern', () => {
    expect(() => compileCardPatterns(['(unclosed'])).toThrow(/\(unclosed/);
  });

  it('recognizes phone numbers as their own kind', () => {
    expect(normalizeCardNumber('+1 (555) 010-4477'.replace(/[()]/g, ''))).toEqual({ ok: true, kind: 'phone', value: '+15550104477', last4: '4477' });
    expect(normalizeCardNumber('0612345678')).toEqual({ ok: true, kind: 'phone', value: '0612345678', last4: '5678' });
    expect(normalizeCardNumber('+123456')).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
    expect(normalizeCardNumber('+1234567890123456')).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
    expect(normalizeCardNumber('0612345678', { allowPhone: false })).toMatchObject({ ok: false, code: 'VITRINA_ERR_CARD_INVALID' });
  });

  it('prefers a valid EAN-13 over a phone reading of the same digits', () => {
    expect(normalizeCardNumber('4006381333931')).toMatchObject({ kind: 'ean13' });
  });

  describe('hostile input gives a clean error, never a throw', () => {
    const cases: Array<[string, unknown, string]> = [
      ['empty', '', 'VITRINA_ERR_SCAN_MALFORMED'],
      ['only separators', ' - \r\n\t', 'VITRINA_ERR_SCAN_MALFORMED'],
      ['huge', '4'.repeat(1_000_000), 'VITRINA_ERR_SCAN_MALFORMED'],
      ['control characters', '4006381\u0000333931', 'VITRINA_ERR_SCAN_MALFORMED'],
      ['escape sequence', '\u001b[2J4006381333931', 'VITRINA_ERR_SCAN_MALFORMED'],
      ['not a string', { toString: () => '4006381333931' }, 'VITRINA_ERR_SCAN_MALFORMED'],
      ['null', null, 'VITRINA_ERR_SCAN_MALFORMED'],
      ['SQL-looking', "1' OR '1'='1; DROP TABLE cards;--", 'VITRINA_ERR_CARD_INVALID'],
      ['lone surrogate', '4006\ud800381333931', 'VITRINA_ERR_CARD_INVALID'],
      ['emoji and RTL marks', '\u202e4006381333931🎉', 'VITRINA_ERR_CARD_INVALID'],
      ['Arabic-Indic digits', '٤٠٠٦٣٨١٣٣٣٩٣١', 'VITRINA_ERR_CARD_INVALID'],
      ['too few digits', '12345', 'VITRINA_ERR_CARD_INVALID'],
    ];
    it.each(cases)('%s', (_name, input, code) => {
      const r = normalizeCardNumber(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(code);
        expect(r.message.length).toBeGreaterThan(0);
        // The message never echoes the input back (it may be a card number or an attack string).
        if (typeof input === 'string' && input.length > 4) expect(r.message).not.toContain(input.slice(0, 5));
      }
    });
  });
});
