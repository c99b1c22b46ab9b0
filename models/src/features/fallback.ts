import type { StoreAggregates } from './aggregates.js';
import type { HistoryBasket } from './candidate-features.js';

/**
 * The scorer used when no valid model is loaded: the customer's own purchase count, ties and
 * strangers broken by store popularity (GP-TopFreq with popularity ties, the strongest
 * simple baseline). Popularity adds less than 1, so own counts always dominate.
 */
export function fallbackScores(history: readonly HistoryBasket[], agg: StoreAggregates, candidates: readonly string[]): Float32Array {
  const own = new Map<string, number>();
  for (const basket of history) for (const id of new Set(basket.items)) own.set(id, (own.get(id) ?? 0) + 1);
  const out = new Float32Array(candidates.length);
  candidates.forEach((id, k) => {
    const i = agg.index.get(id);
    const pop = i === undefined ? 0 : 1 / (2 + agg.rankAll[i]!);
    out[k] = (own.get(id) ?? 0) + pop;
  });
  return out;
}

/** Non-personal ranking (no profiling consent): latest-basket popularity, then all-time. */
export function popularItems(agg: StoreAggregates, limit: number): Array<{ productId: string; score: number }> {
  const out: Array<{ productId: string; score: number }> = [];
  for (let r = 0; r < Math.min(limit, agg.byLast.length); r++) {
    const i = agg.byLast[r]!;
    out.push({ productId: agg.itemIds[i]!, score: (agg.popLast[i]! + 1) / (agg.nCustomers + 1) });
  }
  return out;
}
