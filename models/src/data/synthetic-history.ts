import { seededRandom } from './random.js';

export interface SyntheticOptions {
  baskets: number;
  /** Distinct customers (default: baskets / 20, so about 20 baskets each). */
  customers?: number;
  items?: number;
  seed?: number;
  /** Epoch ms of the first possible purchase. */
  start?: number;
}

export interface SyntheticBasket {
  customerId: string;
  basketId: string;
  t: number;
  items: string[];
}

/**
 * A seeded purchase history with the structure the model relies on, at any size:
 * - item popularity is Zipf-like (a few best-sellers, a long tail);
 * - each customer has staples (drawn by popularity) bought again and again, and a personal
 *   repeat share between 0.3 and 0.9 — the rest of a basket explores by popularity;
 * - items come in pairs bought together (i and its partner) 20% of the time, so
 *   co-occurrence lists have something to find;
 * - baskets per customer are heavy-tailed (geometric, at least 1) and days apart.
 * Yields baskets grouped by customer, each customer's chronologically: the order a store's
 * database export sorted by customer gives, and what the streaming trainer reads.
 */
export function* syntheticHistory(opts: SyntheticOptions): Generator<SyntheticBasket> {
  const rand = seededRandom(opts.seed ?? 1);
  const nItems = opts.items ?? 20_000;
  const nCustomers = Math.max(1, opts.customers ?? Math.round(opts.baskets / 20));
  const meanBaskets = opts.baskets / nCustomers;
  const start = opts.start ?? Date.UTC(2025, 0, 1);
  // Cumulative Zipf(1.05) weights for popularity draws by binary search.
  const cdf = new Float64Array(nItems);
  let acc = 0;
  for (let i = 0; i < nItems; i++) cdf[i] = acc += 1 / (i + 1) ** 1.05;
  const popular = () => {
    const x = rand() * acc;
    let lo = 0, hi = nItems - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let made = 0;
  for (let c = 0; made < opts.baskets; c++) {
    // The last customers absorb any remainder so the total is exact.
    const left = opts.baskets - made;
    const geometric = 1 + Math.floor(Math.log(1 - rand()) / Math.log(1 - 1 / meanBaskets));
    const n = c >= nCustomers - 1 ? Math.min(left, Math.max(1, Math.round(meanBaskets))) : Math.min(left, geometric);
    const staples = Array.from({ length: 3 + Math.floor(rand() * 25) }, popular);
    const repeatShare = 0.3 + 0.6 * rand();
    const meanSize = 2 + rand() * 10;
    let t = start + Math.floor(rand() * 90) * 86_400_000;
    for (let b = 0; b < n; b++) {
      const size = 1 + Math.floor(-Math.log(1 - rand()) * (meanSize - 1));
      const items = new Set<number>();
      for (let k = 0; k < size; k++) {
        const item = rand() < repeatShare ? staples[Math.floor(rand() * staples.length)]! : popular();
        items.add(item);
        if (rand() < 0.2) items.add(item ^ 1); // its partner
      }
      yield { customerId: `c${c}`, basketId: `b${made}`, t, items: [...items].map((i) => `i${i}`) };
      made++;
      // 1–14 days (plus the hour of day) to the next visit.
      t += (1 + Math.floor(rand() * 14)) * 86_400_000 + Math.floor(rand() * 12) * 3_600_000;
    }
  }
}
