import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail } from './email.js';
import { normalizePhone } from './card-number.js';

describe('normalizeEmail', () => {
  it('lower-cases and trims, so the same address always gives the same HMAC input', () => {
    expect(normalizeEmail('  Ana.Petrova@Example.COM ')).toEqual({ ok: true, value: 'ana.petrova@example.com', hint: 'a***@e***.com' });
    expect(normalizeEmail('ｂｅａ@example.org')).toMatchObject({ ok: true, value: 'bea@example.org' });
  });

  it.each([['no at', 'ana.example.com'], ['two ats', 'a@b@c.com'], ['no dot in domain', 'ana@localhost'], ['space', 'an a@example.com'], ['empty', ''], ['double dot', 'ana..p@example.com'], ['too long', `${'a'.repeat(60)}@${'b'.repeat(200)}.com`]])(
    'rejects %s',
    (_name, raw) => {
      expect(normalizeEmail(raw).ok).toBe(false);
    },
  );

  it('rejects what is not text without throwing', () => {
    expect(normalizeEmail(null)).toEqual({ ok: false, message: expect.any(String) });
    expect(normalizeEmail({ toString: () => 'a@b.c' })).toMatchObject({ ok: false });
  });

  it('masks enough to confirm with the shopper, not to write to them', () => {
    expect(maskEmail('ivan@mail.ru')).toBe('i***@m***.ru');
    expect(maskEmail('анна@почта.рф')).toBe('а***@п***.рф');
  });
});

describe('normalizePhone', () => {
  it('keeps digits and a leading +, dropping the separators and brackets people write', () => {
    expect(normalizePhone('+7 (916) 123-45-67')).toEqual({ ok: true, value: '+79161234567', last4: '4567' });
    expect(normalizePhone('06.12.34.56.78')).toEqual({ ok: true, value: '0612345678', last4: '5678' });
  });

  it.each(['12345', '+1234567890123456', '+7 916 abc', '', '++79161234567'])('rejects %j', (raw) => {
    expect(normalizePhone(raw).ok).toBe(false);
  });
});
