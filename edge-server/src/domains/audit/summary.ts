import type { AuditChange } from '../../platform/http/serve-route.js';

/**
 * The short, secret-free text an audit row keeps of a write. Nothing that identifies a shopper
 * or lets anyone in is ever stored: values under secret-ish keys are replaced, and so is any
 * value that looks like a card number, a phone or an e-mail address, whatever its key.
 */

/** Keys whose values are never kept: credentials, card and contact data, shoppers' names and birthdays, redeemable codes. */
const SECRET_KEY = /pass(word|phrase)?|secret|token|card|phone|mobile|e-?mail|pin$|cvv|cvc|iban|birth|(first|last|full|middle|given|family).?name|address|^codes?$|code$/i;
/**
 * A run of 7+ digits, separators allowed: card numbers, phones, loyalty numbers. Not glued to
 * a letter or underscore before it, so generated ids (`staff_ee1b680919074b…`) stay readable.
 */
const DIGIT_RUN = /(?<![A-Za-z0-9_])(?:\d[\s\-().+/]*){7,}/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const REDACTED = '[redacted]';
const MAX_VALUE = 40;
const MAX_SUMMARY = 500;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A value as it may appear in the log: short scalars as they are, anything else described, never copied. */
export function safeValue(key: string, value: unknown): string {
  if (isSecretKey(key)) return REDACTED;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e9 ? REDACTED : String(value);
  if (typeof value === 'string') {
    if (!INSTANT.test(value) && (DIGIT_RUN.test(value) || EMAIL.test(value))) return REDACTED;
    if (value.length > MAX_VALUE) return `(${value.length} chars)`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  return '{…}';
}

function clip(text: string): string {
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY - 1)}…`;
}

/** `role: "marketer" → "admin"; sessions: → "ended"`: what a domain said it changed. */
export function summarizeChange(change: AuditChange): string {
  const keys = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
  return clip(
    keys
      .map((k) => {
        const had = k in change.before;
        const has = k in change.after;
        if (had && has) return `${k}: ${safeValue(k, change.before[k])} → ${safeValue(k, change.after[k])}`;
        return has ? `${k}: → ${safeValue(k, change.after[k])}` : `${k}: ${safeValue(k, change.before[k])} →`;
      })
      .join('; '),
  );
}

/** `name="Summer sale", percent=10, code=[redacted]`: the fields a request sent (JSON bodies only). */
export function summarizeBody(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.getPrototypeOf(body) !== Object.prototype) {
    return Array.isArray(body) ? `[${body.length} items]` : '';
  }
  return clip(Object.entries(body as Record<string, unknown>).map(([k, v]) => `${k}=${safeValue(k, v)}`).join(', '));
}

/**
 * The id a write was about: `:id`, or the route's first parameter, unless that parameter is
 * itself a secret (a promotion code) or not shaped like an id. Path parameters are ids the
 * server made or the till chose (`r-2026-0001234`), so digits alone do not redact them.
 */
export function targetOf(params: Record<string, unknown>): string | null {
  const entries = Object.entries(params);
  const [key, value] = entries.find(([k]) => k === 'id') ?? entries[0] ?? [];
  if (key === undefined || value === undefined || value === null) return null;
  const text = String(value);
  return isSecretKey(key) || !/^[A-Za-z0-9_.:-]{1,64}$/.test(text) ? REDACTED : text;
}
