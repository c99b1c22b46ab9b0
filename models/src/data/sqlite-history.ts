import sqlite3 from 'sqlite3';
import { BasketAssembler } from './basket-assembler.js';
import { ModelsError } from './errors.js';
import type { LoadResult } from './types.js';
import type { RawLine } from './row-check.js';

/**
 * Reads the edge server's receipts so a store retrains on its own data. Kept small on
 * purpose: this query is the only place that knows the server's schema.
 */
export const RECEIPT_LINES_SQL = `
  SELECT r.customer_id AS customer_id, r.id AS basket_id, r.store_time AS time,
         l.product_id AS item_id, l.quantity AS quantity
  FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
  WHERE r.customer_id IS NOT NULL AND r.kind = 'sale'`;

/**
 * The same rows for the next `?2` customers after customer id `?1`, each customer's rows
 * together (the streaming source pages through the store with it).
 */
export const RECEIPT_LINES_PAGE_SQL = `${RECEIPT_LINES_SQL}
    AND r.customer_id IN (
      SELECT DISTINCT customer_id FROM receipts
      WHERE customer_id > ?1 AND kind = 'sale' ORDER BY customer_id LIMIT ?2)
  ORDER BY r.customer_id, r.store_time, r.id, l.rowid`;

/** A row of RECEIPT_LINES_SQL as a line to check. */
export function receiptLine(row: Record<string, string | number | null>): RawLine {
  return { customerId: String(row.customer_id ?? ''), basketId: String(row.basket_id ?? ''), time: String(row.time ?? ''), itemId: String(row.item_id ?? ''), quantity: row.quantity ?? 1 };
}

export async function loadSqliteHistory(path: string): Promise<LoadResult> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) =>
      err ? reject(new ModelsError('VITRINA_ERR_NOT_FOUND', `cannot open database ${path}: ${err.message}`)) : resolve(d),
    );
  });
  const assembler = new BasketAssembler();
  try {
    await new Promise<void>((resolve, reject) => {
      db.each(
        RECEIPT_LINES_SQL,
        (err: Error | null, row: Record<string, string | number | null>) => {
          if (err) return;
          assembler.add(receiptLine(row));
        },
        (err) => (err ? reject(new ModelsError('VITRINA_ERR_IMPORT_INVALID', `cannot read receipts from ${path}: ${err.message}`)) : resolve()),
      );
    });
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return assembler.finish();
}
