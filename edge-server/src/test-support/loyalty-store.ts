import type { Services } from '../compose.js';
import { makeEan13 } from '../domains/cards/index.js';

/**
 * A loyalty test store: products in a few categories (with costs for margin), members with
 * cards, and a staff token. Real rows in the real SQLite file, inserted the way the seed does.
 */
export const PRODUCTS = [
  { id: 'p-milk', department: 'Grocery', category: 'Dairy', price: 349, cost: 250 },
  { id: 'p-bread', department: 'Bakery', category: 'Bread', price: 450, cost: 200 },
  { id: 'p-apples', department: 'Produce', category: 'Fruit', price: 399, cost: 200 },
  { id: 'p-coffee', department: 'Grocery', category: 'Coffee', price: 1299, cost: 700 },
  { id: 'p-tv', department: 'Electronics', category: 'TV', price: 49_999, cost: 40_000 },
] as const;

export async function seedLoyaltyStore(s: Pick<Services, 'devices' | 'db' | 'cards'>, members = 3) {
  const now = new Date().toISOString();
  const cards: string[] = [];
  const customers: string[] = [];
  await s.db.transaction(async (tx) => {
    for (const p of PRODUCTS) {
      await tx.run('INSERT INTO products (id, name, department, category, brand, price_minor, restricted, cost_minor) VALUES (?, ?, ?, ?, ?, ?, 0, ?)', [p.id, p.id, p.department, p.category, 'Test', p.price, p.cost]);
    }
    for (let i = 1; i <= members; i++) {
      const id = `cust-${i}`;
      const card = makeEan13('2991', i);
      await tx.run(
        'INSERT INTO customers (id, first_name, birth_date, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at) VALUES (?, ?, ?, ?, 1, 1, 1, ?)',
        [id, `M${i}`, '1990-03-08', now, now],
      );
      await tx.run("INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at) VALUES (?, 'ean13', ?, ?, 'active', ?)", [s.cards.hmacOf('ean13', card), card.slice(-4), id, now]);
      cards.push(card);
      customers.push(id);
    }
  });
  return { cards, customers };
}

let n = 0;
/** A sale body for POST /api/v1/receipts. */
export function sale(card: string | undefined, lines: Array<[string, number, number, number?]>, extra: Record<string, unknown> = {}) {
  return {
    kind: 'sale' as const,
    receiptId: `r-${process.pid}-${++n}`,
    storeTime: '2026-06-10T15:00:00.000Z',
    ...(card ? { cardNumber: card } : {}),
    lines: lines.map(([productId, quantity, unitPriceMinor, discountMinor]) => ({ productId, quantity, unitPriceMinor, ...(discountMinor ? { discountMinor } : {}) })),
    ...extra,
  };
}
