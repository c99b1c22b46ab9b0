import { countSkip, type Basket, type LoadResult, type SkipCounts, type SkipExamples } from './types.js';
import { checkLine, type RawLine } from './row-check.js';

/**
 * Groups purchase rows into baskets, shared by the in-memory loaders so that they validate
 * rows the same way (row-check.ts). A row with no customer, basket or item, a time that does
 * not parse, or a quantity that is not a positive number (returns, voids) is skipped and
 * counted, with the first offending value kept as an example.
 */
export class BasketAssembler {
  private readonly byKey = new Map<string, Basket>();
  private readonly itemSets = new Map<string, Set<string>>();
  private rows = 0;
  private readonly skipped: SkipCounts = {};
  private readonly examples: SkipExamples = {};

  add(line: RawLine): void {
    this.rows++;
    const checked = checkLine(line);
    if (!checked.ok) return countSkip(this.skipped, checked.reason, this.examples, checked.example);
    const { customerId, basketId, itemId } = line;
    const t = checked.t;
    const key = `${customerId}\u0000${basketId}`;
    let basket = this.byKey.get(key);
    let set = this.itemSets.get(key);
    if (basket === undefined || set === undefined) {
      basket = { customerId, basketId, t, items: [] };
      set = new Set();
      this.byKey.set(key, basket);
      this.itemSets.set(key, set);
    }
    // A receipt's time is when it started; lines may carry slightly different stamps.
    if (t < basket.t) basket.t = t;
    if (!set.has(itemId)) {
      set.add(itemId);
      basket.items.push(itemId);
    }
  }

  finish(): LoadResult {
    return { baskets: [...this.byKey.values()], rows: this.rows, skipped: this.skipped, skipExamples: this.examples };
  }
}
