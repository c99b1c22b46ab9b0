import { countSkip, type Basket, type LoadResult, type SkipCounts } from './types.js';

/**
 * Groups purchase rows into baskets, shared by every loader so that they validate rows the
 * same way. A row with no customer, basket or item, a time that does not parse, or a
 * quantity that is not a positive number (returns, voids) is skipped and counted.
 */
export class BasketAssembler {
  private readonly byKey = new Map<string, Basket>();
  private readonly itemSets = new Map<string, Set<string>>();
  private rows = 0;
  private readonly skipped: SkipCounts = {};

  skip(reason: string): void {
    this.rows++;
    countSkip(this.skipped, reason);
  }

  add(customerId: string, basketId: string, t: number, itemId: string, quantity = 1): void {
    this.rows++;
    if (customerId === '') return countSkip(this.skipped, 'missing_customer_id');
    if (basketId === '') return countSkip(this.skipped, 'missing_basket_id');
    if (itemId === '') return countSkip(this.skipped, 'missing_item_id');
    if (!Number.isFinite(t)) return countSkip(this.skipped, 'bad_time');
    if (!Number.isFinite(quantity)) return countSkip(this.skipped, 'bad_quantity');
    if (quantity <= 0) return countSkip(this.skipped, 'non_positive_quantity');
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
    return { baskets: [...this.byKey.values()], rows: this.rows, skipped: this.skipped };
  }
}
