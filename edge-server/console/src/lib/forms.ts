import type { DiscountKind } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { consoleI18n } from './i18n';

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
  const { t } = consoleI18n.current();
  const out: string[] = [];
  if (!c.name) out.push(t('forms.campaignName'));
  if (!isDay(c.startsOn)) out.push(t('forms.campaignStart'));
  if (!isDay(c.endsOn)) out.push(t('forms.campaignEnd'));
  if (isDay(c.startsOn) && isDay(c.endsOn) && c.endsOn < c.startsOn) out.push(t('forms.campaignEndBeforeStart'));
  if (!Number.isInteger(c.holdoutPct) || c.holdoutPct < 0 || c.holdoutPct > 100) out.push(t('forms.campaignHoldout'));
  return out;
}

/**
 * "$1.50", "1.5" or the Russian "1 234,50 ₽" → minor units. Refuses more than 2 decimals,
 * negatives and junk, so a typo never becomes a wrong price. Returns null when unusable.
 * A comma followed by one or two final digits is a decimal comma ("25,5" is 25.50, never 255);
 * otherwise commas and spaces are thousands separators.
 */
export function parseMoneyInput(text: string): number | null {
  let s = text.trim().replace(/^[$₽]\s*|\s*(₽|руб\.?|р\.)$/giu, '').replace(/[\s\u00a0\u202f]/g, '');
  s = /^\d+,\d{1,2}$/.test(s) ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * The discount-kind choices of the offer and promotion forms, in the order staff see them, with
 * their label and the hint of their value field in the user's language. A Record over the
 * contract's DISCOUNT_KINDS, so a new kind does not compile until it has its words.
 */
const DISCOUNT_KIND_WORDS: Readonly<Record<DiscountKind, (t: TFunction, currency: string) => { label: string; hint: string }>> = {
  percent: (t) => ({ label: t('forms.kind.percent'), hint: t('forms.hint.percent') }),
  amount: (t, currency) => ({ label: t('forms.kind.amount'), hint: t('forms.hint.amount', { currency }) }),
  price: (t, currency) => ({ label: t('forms.kind.price'), hint: t('forms.hint.price', { currency }) }),
  points: (t) => ({ label: t('forms.kind.points'), hint: t('forms.hint.points') }),
};

export const DISCOUNT_KIND_CHOICES = Object.keys(DISCOUNT_KIND_WORDS) as DiscountKind[];

/** "Percent off" / "Скидка в процентах". */
export function discountKindLabel(kind: DiscountKind): string {
  const { t, fmt } = consoleI18n.current();
  return DISCOUNT_KIND_WORDS[kind](t, fmt.currency).label;
}

/** What the value field of a kind holds: "Amount off (USD)" / "Сумма скидки (RUB)". */
export function discountHint(kind: DiscountKind): string {
  const { t, fmt } = consoleI18n.current();
  return DISCOUNT_KIND_WORDS[kind](t, fmt.currency).hint;
}

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
