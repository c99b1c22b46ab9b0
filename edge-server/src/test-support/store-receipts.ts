import type { Basket } from '@vitrina/models';
import type { Services } from '../compose.js';

/**
 * Writes a generated purchase history (models' syntheticStoreBaskets) as the store's own
 * customers, products and sale receipts, in one transaction: a store with known buying
 * patterns for the model-lifecycle tests.
 */
export async function insertStoreReceipts(s: Pick<Services, 'db'>, baskets: readonly Basket[]): Promise<void> {
  const now = new Date().toISOString();
  await s.db.transaction(async (tx) => {
    const items = new Set(baskets.flatMap((b) => b.items));
    for (const id of items) await tx.run("INSERT INTO products (id, name, department, category, brand, price_minor, restricted) VALUES (?, ?, 'Grocery', 'Test', 'Test', 100, 0)", [id, `Product ${id}`]);
    for (const id of new Set(baskets.map((b) => b.customerId))) {
      await tx.run('INSERT INTO customers (id, first_name, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at) VALUES (?, ?, ?, 1, 1, 1, ?)', [id, id, now, now]);
    }
    for (const b of baskets) {
      const at = new Date(b.t).toISOString();
      await tx.run("INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at) VALUES (?, 'test', ?, 'sale', ?, ?, ?)", [b.basketId, b.customerId, at, 100 * b.items.length, at]);
      let line = 0;
      for (const item of b.items) await tx.run('INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, ?, ?, 1, 100, 0)', [b.basketId, ++line, item]);
    }
  });
}
