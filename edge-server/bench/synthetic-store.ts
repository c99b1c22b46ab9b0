/**
 * A synthetic store's purchase history, the same every run: customers with habits (a few
 * staples) plus Zipf-ish store-wide picks, ~10 items a basket; the first `heavy` customers
 * have exactly 50 baskets (the ones scan budgets are about). Used by scoring.ts and refresh-load.ts.
 */
import type { HistoryBasket, HistorySource } from '../src/domains/purchases/index.js';

/** mulberry32, so every run synthesizes the same store. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function synthesizeStore(customers: number, items: number, heavy: number): Map<string, HistoryBasket[]> {
  const rand = rng(42);
  const itemIds = Array.from({ length: items }, (_, i) => `p${i}`);
  const popular = () => itemIds[Math.floor(items * rand() ** 3)]!;
  const byCustomer = new Map<string, HistoryBasket[]>();
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let c = 0; c < customers; c++) {
    const n = c < heavy ? 50 : 1 + Math.floor(rand() * rand() * 20);
    const staples = Array.from({ length: 8 }, popular);
    const baskets: HistoryBasket[] = [];
    for (let b = 0; b < n; b++) {
      const basket = new Set<string>();
      for (const s of staples) if (rand() < 0.4) basket.add(s);
      const extra = 2 + Math.floor(rand() * 8);
      for (let k = 0; k < extra; k++) basket.add(popular());
      baskets.push({ basketId: `r${c}-${b}`, at: new Date(start + (b * 7 + Math.floor(rand() * 3)) * 86_400_000).toISOString(), productIds: [...basket] });
    }
    byCustomer.set(`c${c}`, baskets);
  }
  return byCustomer;
}

/**
 * The history as the recommender reads it, in memory (the bench measures the recommender, not
 * SQLite), but in pages of 5,000 baskets with a turn of the event loop between them, as the
 * purchases repository's paged reads give.
 */
export function historyOf(store: Map<string, HistoryBasket[]>): HistorySource {
  return {
    basketsOf: async (id) => store.get(id) ?? [],
    async *allBaskets() {
      let n = 0;
      for (const [customerId, list] of store) {
        for (const b of list) {
          if (++n % 5000 === 0) await new Promise((r) => setImmediate(r));
          yield { customerId, ...b };
        }
      }
    },
  };
}
