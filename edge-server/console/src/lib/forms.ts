import type { DiscountKind } from '@vitrina/contracts';

/** Client-side checks and conversions for the console's forms (the server checks again). */

/** Today as a local YYYY-MM-DD (the browser's zone, which in a store is the store's zone). */
export function todayLocal(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Calendar arithmetic on YYYY-MM-DD, in UTC so DST never shifts the day. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) return day;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  return DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

export function campaignFormProblems(c: { name: string; startsOn: string; endsOn: string; holdoutPct: number }): string[] {
  const out: string[] = [];
  if (!c.name) out.push('Give the campaign a name.');
  if (!isDay(c.startsOn)) out.push('Pick a start day.');
  if (!isDay(c.endsOn)) out.push('Pick an end day.');
  if (isDay(c.startsOn) && isDay(c.endsOn) && c.endsOn < c.startsOn) out.push('The end day is before the start day.');
  if (!Number.isInteger(c.holdoutPct) || c.holdoutPct < 0 || c.holdoutPct > 100) out.push('Holdout must be a whole percentage from 0 to 100.');
  return out;
}

/**
 * "$1.50" or "1.5" → 150 minor units. Refuses more than 2 decimals, negatives and junk,
 * so a typo never becomes a wrong price. Returns null when unusable.
 */
export function parseMoneyInput(text: string): number | null {
  const s = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * The discount-kind choices of the offer and promotion forms, in the order staff see them.
 * A Record over the contract's DISCOUNT_KINDS, so a new kind does not compile until it has a label.
 */
export const DISCOUNT_KIND_LABELS: Readonly<Record<DiscountKind, string>> = {
  percent: 'Percent off',
  amount: 'Amount off',
  price: 'Fixed price',
  points: 'Bonus points',
};

export const DISCOUNT_KIND_CHOICES = Object.keys(DISCOUNT_KIND_LABELS) as DiscountKind[];

export const DISCOUNT_HINTS: Readonly<Record<DiscountKind, string>> = {
  percent: 'Percent (1–100)',
  amount: 'Amount off ($)',
  price: 'Offer price ($)',
  points: 'Bonus points',
};

/** The contract's discountValue for a kind: percent 1–100, money in minor units, points as an integer. */
export function discountValueFromInput(kind: DiscountKind, text: string): number | null {
  if (kind === 'amount' || kind === 'price') {
    const m = parseMoneyInput(text);
    return m !== null && m > 0 ? m : null;
  }
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  if (kind === 'percent') return n >= 1 && n <= 100 ? n : null;
  return n >= 1 && n <= 1_000_000 ? n : null;
}

/** A random idempotency key for one submission, so a double click or retry is not a second issue. */
export function idempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return `console-${c.randomUUID()}`;
  return `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
