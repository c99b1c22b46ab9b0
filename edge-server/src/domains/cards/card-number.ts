/**
 * Normalizes and validates a loyalty identifier that was scanned or typed: an EAN-13 card,
 * a PAN-like number (Luhn), a number matching one of the store's configured patterns, or a
 * phone number. Pure and total: any input, however hostile, gives a result, never a throw.
 */

export type CardKind = 'ean13' | 'pan' | 'pattern' | 'phone';

export type CardNumberResult =
  | { ok: true; kind: CardKind; value: string; last4: string }
  | { ok: false; code: 'VITRINA_ERR_CARD_INVALID' | 'VITRINA_ERR_SCAN_MALFORMED'; message: string };

export interface CardNumberOptions {
  /**
   * Extra card-number patterns (regex sources or RegExps from config). A pattern must match the
   * whole cleaned value (it is anchored here), so `VIP\d{6}` accepts "VIP123456" only.
   */
  patterns?: ReadonlyArray<string | RegExp>;
  /**
   * Accept phone numbers (7–15 digits, optional leading +). On by default for typed input;
   * pass false for scanner input, where a phone number cannot come from, so that a 13-digit
   * scan with a wrong check digit is reported as invalid rather than looked up as a phone.
   */
  allowPhone?: boolean;
}

/** Same bound as IdentifyRequest.code: longer input is not a card number, whatever it holds. */
export const MAX_RAW_LENGTH = 128;

// Whitespace and every dash a keyboard, keypad or paste can produce; people type 1234-5678 or
// "1234 5678", scanners may append CR/LF.
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
// C0/C1 controls and DEL, once the separator whitespace (\t \r \n …) has been removed.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const DIGITS = /^[0-9]+$/;

/** Compiles configured patterns once (at boot). Throws a clear Error on an invalid regex. */
export function compileCardPatterns(patterns: ReadonlyArray<string | RegExp>): RegExp[] {
  return patterns.map((p) => {
    const source = typeof p === 'string' ? p : p.source;
    // g and y make test() stateful, which would make the same code pass and then fail.
    const flags = typeof p === 'string' ? '' : p.flags.replace(/[gy]/g, '');
    try {
      return new RegExp(`^(?:${source})$`, flags);
    } catch (err) {
      throw new Error(`card pattern ${JSON.stringify(source)} is not a valid regular expression: ${(err as Error).message}`);
    }
  });
}

/** A validator with its patterns compiled once; use this on hot paths. */
export function createCardNumberParser(options: CardNumberOptions = {}): (raw: unknown) => CardNumberResult {
  const patterns = compileCardPatterns(options.patterns ?? []);
  const allowPhone = options.allowPhone ?? true;
  return (raw) => parse(raw, patterns, allowPhone);
}

/** One-off validation (compiles the patterns each call). */
export function normalizeCardNumber(raw: unknown, options: CardNumberOptions = {}): CardNumberResult {
  return createCardNumberParser(options)(raw);
}

function parse(raw: unknown, patterns: RegExp[], allowPhone: boolean): CardNumberResult {
  if (typeof raw !== 'string') return malformed('the scanned code is not text');
  if (raw.length > MAX_RAW_LENGTH) return malformed(`the scanned code is longer than ${MAX_RAW_LENGTH} characters`);
  let text: string;
  try {
    // NFKC turns full-width digits from some on-screen keyboards into ASCII digits.
    text = raw.normalize('NFKC');
  } catch {
    return malformed('the scanned code is not valid text');
  }
  const cleaned = text.replace(SEPARATORS, '');
  if (cleaned.length === 0) return malformed('the scanned code is empty');
  if (CONTROL.test(cleaned)) return malformed('the scanned code contains control characters');

  const plus = cleaned.startsWith('+');
  const body = plus ? cleaned.slice(1) : cleaned;
  const allDigits = DIGITS.test(body);

  if (!plus && allDigits) {
    if (body.length === 13 && isValidEan13(body)) return ok('ean13', body);
    // 13 digits is the EAN-13 length: a mistyped card must not pass as a PAN by Luhn luck
    // (1 in 10). 13-digit PANs (old Visa) are long gone.
    if (body.length !== 13 && body.length >= 12 && body.length <= 19 && luhnValid(body)) return ok('pan', body);
  }
  for (const pattern of patterns) {
    if (pattern.test(cleaned)) return ok('pattern', cleaned);
  }
  if (allowPhone && allDigits && body.length >= 7 && body.length <= 15) {
    return ok('phone', plus ? `+${body}` : body);
  }
  return invalid(explain(body, plus, allDigits, allowPhone));
}

function explain(body: string, plus: boolean, allDigits: boolean, allowPhone: boolean): string {
  if (!allDigits) return 'not a card number: only digits are accepted';
  if (plus) return 'not a phone number: a phone number has 7 to 15 digits';
  if (body.length === 13) return 'not a valid card number: the EAN-13 check digit does not match';
  if (body.length >= 12 && body.length <= 19) return 'not a valid card number: the Luhn check digit does not match';
  return allowPhone ? 'not a card or phone number: wrong number of digits' : 'not a card number: wrong number of digits';
}

function ok(kind: CardKind, value: string): CardNumberResult {
  const digits = value.replace(/[^0-9A-Za-z]/g, '');
  return { ok: true, kind, value, last4: digits.slice(-4) };
}

function malformed(message: string): CardNumberResult {
  return { ok: false, code: 'VITRINA_ERR_SCAN_MALFORMED', message };
}

function invalid(message: string): CardNumberResult {
  return { ok: false, code: 'VITRINA_ERR_CARD_INVALID', message };
}

export type PhoneResult = { ok: true; value: string; last4: string } | { ok: false; message: string };

/**
 * A phone number given as such (an import column, the enrollment form): 7–15 digits with an
 * optional leading +, separators and parentheses dropped. Before hashing, `CardsService.hmacOf`
 * reads it in the store's region (phone-key.ts), so "89161234567" is +79161234567 in a Russian store.
 */
export function normalizePhone(raw: unknown): PhoneResult {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) return { ok: false, message: 'not a phone number' };
  let text: string;
  try {
    text = raw.normalize('NFKC');
  } catch {
    return { ok: false, message: 'not a phone number' };
  }
  const cleaned = text.replace(SEPARATORS, '').replace(/[().]/g, '');
  const plus = cleaned.startsWith('+');
  const body = plus ? cleaned.slice(1) : cleaned;
  if (!DIGITS.test(body) || body.length < 7 || body.length > 15) return { ok: false, message: 'not a phone number: a phone number has 7 to 15 digits' };
  return { ok: true, value: plus ? `+${body}` : body, last4: body.slice(-4) };
}

/**
 * Check digit of an EAN-13 from its first 12 digits (GS1: weights 1,3,1,3… from the left).
 * Throws a RangeError unless given exactly 12 ASCII digits: a programming error, not user input.
 */
export function ean13CheckDigit(first12: string): number {
  if (first12.length !== 12 || !DIGITS.test(first12)) {
    throw new RangeError('ean13CheckDigit expects exactly 12 digits');
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  if (code.length !== 13 || !DIGITS.test(code)) return false;
  return ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Luhn (mod 10) check over a string of digits, check digit last. */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The n-th loyalty card number under a prefix: prefix + n zero-padded to 12 digits + check digit.
 * GS1 reserves prefixes 200–299 for in-store numbering, so demo cards use e.g. "2990".
 * Throws a RangeError when the prefix is not digits or n does not fit.
 */
export function makeEan13(prefix: string, n: number): string {
  if (!/^[0-9]{1,11}$/.test(prefix)) throw new RangeError('makeEan13 prefix must be 1 to 11 digits');
  const width = 12 - prefix.length;
  if (!Number.isSafeInteger(n) || n < 0 || String(n).length > width) {
    throw new RangeError(`makeEan13 n must be an integer from 0 to ${10 ** width - 1} for this prefix`);
  }
  const first12 = prefix + String(n).padStart(width, '0');
  return first12 + String(ean13CheckDigit(first12));
}
