/**
 * E-mail addresses are identifiers like card numbers: kept only as an HMAC of the normalized
 * address plus a masked hint a person can recognize ("a***@e***.com"). Pure and total.
 */

export type EmailResult = { ok: true; value: string; hint: string } | { ok: false; message: string };

/** RFC 5321 caps a path at 254 characters. */
const MAX_EMAIL = 254;
// Deliberately simple: one @, no spaces or controls, a dot in the domain. Deliverability is not
// our question; "is this the same address as before" is.
const EMAIL_RE = /^[^\s@\u0000-\u001f\u007f]{1,64}@[^\s@\u0000-\u001f\u007f]+\.[^\s@\u0000-\u001f\u007f.]+$/u;

/** Lower-cased (the whole address: no mail provider treats case as meaningful in practice), NFKC, trimmed. */
export function normalizeEmail(raw: unknown): EmailResult {
  if (typeof raw !== 'string') return { ok: false, message: 'the e-mail address is not text' };
  let value: string;
  try {
    value = raw.normalize('NFKC').trim().toLocaleLowerCase('en');
  } catch {
    return { ok: false, message: 'the e-mail address is not valid text' };
  }
  if (value.length === 0 || value.length > MAX_EMAIL || !EMAIL_RE.test(value) || value.includes('..')) {
    return { ok: false, message: 'not an e-mail address' };
  }
  return { ok: true, value, hint: maskEmail(value) };
}

/** "ana.smith@example.com" → "a***@e***.com": enough for staff to confirm with the shopper, not to contact them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return `${[...local][0]}***@${[...domain][0]}***${domain.slice(dot)}`;
}
