import type { Params } from '../../platform/db/database.js';
import type { HistoryBasket } from './history-source.js';

/** Whatever runs the page query: the server's reader, or a snapshot reader of its own (a worker thread). */
export interface PageReader {
  all<T>(sql: string, params?: Params): Promise<T[]>;
}

/**
 * The one query for "every customer's sale baskets": ordered by customer, then time (ties by
 * rowid), so each customer's baskets come together (the streaming aggregates need that), paged
 * by the (customer_id, store_time, rowid) key of the receipts(customer_id, store_time) index —
 * each page starts where the last one ended, in the index, with no OFFSET to skip through.
 * A basket's products come in line order, joined by U+001F.
 */
const PAGE_SQL = `
  SELECT r.rowid AS rid, r.id, r.customer_id, r.store_time,
         (SELECT GROUP_CONCAT(l.product_id, char(31)) FROM receipt_lines l WHERE l.receipt_id = r.id) AS products
    FROM receipts r
   WHERE r.customer_id IS NOT NULL AND r.kind = 'sale' AND (r.customer_id, r.store_time, r.rowid) > (?, ?, ?)
   ORDER BY r.customer_id, r.store_time, r.rowid
   LIMIT ?`;

interface PageRow {
  rid: number;
  id: string;
  customer_id: string;
  store_time: string;
  products: string | null;
}

/**
 * Every customer's sale baskets, streamed in pages (memory stays one page). Through the
 * server's reader each page is its own read; through a snapshot reader
 * (`platform/db/snapshot-reader.ts`) every page sees the same committed state.
 */
export async function* basketsByCustomer(q: PageReader, pageSize = 5000): AsyncGenerator<HistoryBasket & { customerId: string }> {
  let after: [string, string, number] = ['', '', 0];
  for (;;) {
    const rows = await q.all<PageRow>(PAGE_SQL, [...after, pageSize]);
    for (const r of rows) {
      // A receipt without lines is no basket.
      if (r.products !== null) yield { customerId: r.customer_id, basketId: r.id, at: r.store_time, productIds: r.products.split('\u001f') };
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [last.customer_id, last.store_time, last.rid];
  }
}
