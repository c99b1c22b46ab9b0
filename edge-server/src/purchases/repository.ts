import type { Database, Queryable } from '../db/database.js';

export interface ReceiptRow {
  id: string;
  store_id: string;
  customer_id: string | null;
  kind: 'sale' | 'return';
  original_receipt_id: string | null;
  store_time: string;
  total_minor: number;
  created_at: string;
}

export interface ReceiptLineRow {
  receipt_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
}

/** The only place with SQL for receipts and receipt_lines. */
export class PurchasesRepository {
  constructor(private readonly db: Database) {}

  async insertReceipt(tx: Queryable, receipt: ReceiptRow, lines: ReceiptLineRow[]) {
    await tx.run(
      `INSERT INTO receipts (id, store_id, customer_id, kind, original_receipt_id, store_time, total_minor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [receipt.id, receipt.store_id, receipt.customer_id, receipt.kind, receipt.original_receipt_id, receipt.store_time, receipt.total_minor, receipt.created_at],
    );
    for (const l of lines) {
      await tx.run(
        'INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, ?, ?, ?, ?, ?)',
        [l.receipt_id, l.line_no, l.product_id, l.quantity, l.unit_price_minor, l.discount_minor],
      );
    }
  }

  /** A customer's sale baskets, oldest first, with the products in each. */
  async basketsOf(customerId: string) {
    const rows = await this.db.all<{ id: string; store_time: string; products: string }>(
      `SELECT r.id, r.store_time, GROUP_CONCAT(l.product_id, char(31)) AS products
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
        WHERE r.customer_id = ? AND r.kind = 'sale'
        GROUP BY r.id ORDER BY r.store_time, r.id`,
      [customerId],
    );
    return rows.map((r) => ({ basketId: r.id, at: r.store_time, productIds: r.products.split('\u001f') }));
  }

  /** Every customer's sale baskets, streamed in pages so memory stays bounded. */
  async *allBaskets(pageSize = 5000) {
    let after = '';
    for (;;) {
      const rows = await this.db.all<{ id: string; customer_id: string; store_time: string; products: string }>(
        `SELECT r.id, r.customer_id, r.store_time, GROUP_CONCAT(l.product_id, char(31)) AS products
           FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
          WHERE r.customer_id IS NOT NULL AND r.kind = 'sale' AND r.id > ?
          GROUP BY r.id ORDER BY r.id LIMIT ?`,
        [after, pageSize],
      );
      for (const r of rows) yield { customerId: r.customer_id, basketId: r.id, at: r.store_time, productIds: r.products.split('\u001f') };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  countReceipts() {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts').then((r) => r?.n ?? 0);
  }
}
