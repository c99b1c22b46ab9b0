import { seededRandom } from '../data/random.js';
import type { Basket } from '../data/types.js';

export interface SyntheticStoreOptions {
  customers: number;
  /** Baskets per customer (the last one is the held-out target in the protocol). */
  basketsPerCustomer: number;
  /**
   * 'repeat': every shopper rebuys their own four staples (own frequency is nearly perfect,
   * nothing learned can beat it by much). 'sequence': shoppers walk a shared chain of items,
   * each basket holding the previous basket's newer item and the next one, which only the
   * store-wide "bought next after" signal predicts (a learned ranker wins clearly).
   * 'repeat-sequence': both at once — every shopper rebuys their staples and also walks the
   * chain; own frequency gets the staples, the chain's next item is new to the shopper, so
   * repeat-first ranking (staples first, the learned ranker's pick after) wins.
   */
  pattern: 'repeat' | 'sequence' | 'repeat-sequence';
  seed: number;
  /** First basket's time (epoch ms); baskets are a week apart. */
  start?: number;
}

const CHAIN = 40;
const NOISE = 20;
const WEEK = 7 * 86_400_000;

/** A small store's purchase history with a known structure, for lifecycle tests (models and edge server). */
export function syntheticStoreBaskets(opts: SyntheticStoreOptions): Basket[] {
  const rnd = seededRandom(opts.seed);
  const start = opts.start ?? Date.UTC(2026, 0, 5);
  const item = (k: number) => `i${String(k).padStart(3, '0')}`;
  const out: Basket[] = [];
  for (let c = 0; c < opts.customers; c++) {
    const customerId = `c${String(c).padStart(4, '0')}`;
    const offset = Math.floor(rnd() * CHAIN);
    const staples = Array.from({ length: 4 }, () => Math.floor(rnd() * (CHAIN + NOISE)));
    for (let b = 0; b < opts.basketsPerCustomer; b++) {
      const items = new Set<string>();
      if (opts.pattern !== 'sequence') for (const s of staples) if (rnd() < 0.9) items.add(item(s));
      if (opts.pattern !== 'repeat') {
        items.add(item((offset + b) % CHAIN));
        items.add(item((offset + b + 1) % CHAIN));
      }
      items.add(item(CHAIN + Math.floor(rnd() * NOISE)));
      out.push({ customerId, basketId: `${customerId}-b${b}`, t: start + b * WEEK + c * 60_000, items: [...items] });
    }
  }
  return out;
}
