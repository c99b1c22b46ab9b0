import { parseTime } from './parse-time.js';

/** One purchase row as read (strings from CSV; SQLite may give numbers). */
export interface RawLine {
  customerId: string;
  basketId: string;
  time: string | number;
  itemId: string;
  quantity?: string | number | null;
  price?: string | number | null;
}

export type LineCheck =
  | { ok: true; t: number; quantity: number }
  | { ok: false; reason: string; example: string };

/**
 * Validates one row the same way for every loader (batch and streaming). A bad row gives a
 * skip reason and the offending value, so a report can say "unparsable time, e.g. '…'".
 */
let lastTime = '';
let lastParsed = Number.NaN;

/** parseTime with a one-entry cache: a basket's rows usually share their time. */
function cachedParseTime(value: string): number {
  if (value !== lastTime) {
    lastTime = value;
    lastParsed = parseTime(value);
  }
  return lastParsed;
}

const row = (l: RawLine) => `${l.customerId},${l.basketId},${l.time},${l.itemId}`;

export function checkLine(l: RawLine): LineCheck {
  if (l.customerId === '') return { ok: false, reason: 'missing_customer_id', example: row(l) };
  if (l.basketId === '') return { ok: false, reason: 'missing_basket_id', example: row(l) };
  if (l.itemId === '') return { ok: false, reason: 'missing_item_id', example: row(l) };
  if (l.price !== undefined && l.price !== null && l.price !== '' && !Number.isFinite(Number(l.price))) {
    return { ok: false, reason: 'bad_price', example: String(l.price) };
  }
  const t = typeof l.time === 'number' ? (Math.abs(l.time) >= 1e11 ? l.time : l.time * 1000) : cachedParseTime(l.time);
  if (!Number.isFinite(t)) return { ok: false, reason: 'bad_time', example: String(l.time) };
  const quantity = l.quantity === undefined || l.quantity === null || l.quantity === '' ? 1 : Number(l.quantity);
  if (!Number.isFinite(quantity)) return { ok: false, reason: 'bad_quantity', example: String(l.quantity) };
  if (quantity <= 0) return { ok: false, reason: 'non_positive_quantity', example: String(l.quantity) };
  return { ok: true, t, quantity };
}
