import type { Services } from '../compose.js';
import { makeEan13 } from '../domains/cards/index.js';

/**
 * A tiny store for integration tests: two zones, a kiosk, a screen per zone, a handful of
 * products (one restricted), live offers on all of them, and two shoppers with history.
 */
export async function seedSmallStore(s: Pick<Services, 'devices' | 'db' | 'cards'>) {
  await s.devices.upsertZone('zone-a', 'Zone A');
  await s.devices.upsertZone('zone-b', 'Zone B');
  const kiosk = await s.devices.pairWithId('kiosk-a', { kind: 'kiosk', name: 'Kiosk A', zoneId: 'zone-a' });
  const screenA = await s.devices.pairWithId('screen-a1', { kind: 'screen', name: 'Screen A1', zoneId: 'zone-a' });
  const screenB = await s.devices.pairWithId('screen-b1', { kind: 'screen', name: 'Screen B1', zoneId: 'zone-b' });
  const anaCard = makeEan13('2990', 1);
  const benCard = makeEan13('2990', 2);
  const now = new Date().toISOString();
  await s.db.transaction(async (tx) => {
    const products: Array<[string, string, string, string, number]> = [
      ['p-milk', 'Whole Milk 1 gal', 'Grocery', 'Fluid Milk Products', 349],
      ['p-bread', 'Sourdough Loaf', 'Pastry', 'Bread', 450],
      ['p-apples', 'Gala Apples 3 lb', 'Produce', 'Apples', 399],
      ['p-vodka', 'Premium Vodka 750 ml', 'Spirits', 'Spirits', 2199],
    ];
    for (const [id, name, dept, cat, price] of products) {
      await tx.run('INSERT INTO products (id, name, department, category, brand, price_minor, restricted) VALUES (?, ?, ?, ?, ?, ?, 0)', [id, name, dept, cat, 'Test', price]);
      await tx.run(
        "INSERT INTO offers (id, product_id, title, discount_kind, discount_value, starts_on, ends_on, status) VALUES (?, ?, ?, 'percent', 20, '2000-01-01', '2999-12-31', 'live')",
        [`off-${id}`, id, '20% off'],
      );
    }
    for (const [id, name, card, profiling] of [['cust-ana', 'Ana', anaCard, 1], ['cust-ben', 'Ben', benCard, 0]] as const) {
      await tx.run(
        `INSERT INTO customers (id, first_name, enrolled_at, consent_program, consent_marketing, consent_profiling, consents_updated_at) VALUES (?, ?, ?, 1, 1, ?, ?)`,
        [id, name, now, profiling, now],
      );
      await tx.run("INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at) VALUES (?, 'ean13', ?, ?, 'active', ?)", [s.cards.hmacOf('ean13', card), card.slice(-4), id, now]);
    }
    // Ana buys apples every week; the model/fallback should put apples first for her.
    for (let i = 0; i < 5; i++) {
      const id = `r-ana-${i}`;
      await tx.run("INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at) VALUES (?, 'test', 'cust-ana', 'sale', ?, 399, ?)", [id, new Date(Date.now() - (i + 1) * 7 * 86_400_000).toISOString(), now]);
      await tx.run("INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor) VALUES (?, 1, 'p-apples', 1, 399, 0)", [id]);
    }
  });
  return { kiosk, screenA, screenB, anaCard, benCard };
}
