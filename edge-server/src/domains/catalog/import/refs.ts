import { createHash } from 'node:crypto';

const ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The product id for a source's reference: the reference itself when it is a valid id (a 1C
 * GUID, an article code), else a stable hash of it (`ИдТовара#ИдХарактеристики`, long or
 * non-ASCII references), so offers.xml finds the product import.xml wrote without a lookup.
 */
export function productIdFor(ref: string): string {
  return ID_RE.test(ref) ? ref : `x-${createHash('sha256').update(ref).digest('hex').slice(0, 40)}`;
}

/** Group ids the same way (1C group Ид, or a CSV group path). */
export function groupIdFor(ref: string): string {
  return ID_RE.test(ref) ? ref : `g-${createHash('sha256').update(ref).digest('hex').slice(0, 40)}`;
}

/**
 * A decimal amount ("1234.5", "1 234,50", "99.9900") in minor units, exactly: at most two
 * significant decimals (trailing zeros beyond are fine). Null when it is not such a number.
 */
export function minorUnitsOf(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return null;
  return Number(m[1]) * 100 + Number(frac.padEnd(2, '0'));
}

/** VAT as a source writes it ("20", "20%", "18.00", "Без НДС", "без налога") → '20' | … | 'none'; null when unreadable. */
export function vatRateOf(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/без|none|no vat|not subject/.test(t)) return 'none';
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*%?$/.exec(t);
  if (!m) return null;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${Number(m[1])}.${frac}` : String(Number(m[1]));
}

/** "true", "да", "1", "yes" → true. */
export function truthy(text: string | null | undefined): boolean {
  return /^(true|да|1|yes|истина)$/i.test((text ?? '').trim());
}
