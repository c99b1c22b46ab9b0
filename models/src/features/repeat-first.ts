import type { StoreAggregates } from './aggregates.js';

/**
 * Repeat-first ranking with model-chosen exploration: the shopper's own items bought in at
 * least `minCount` of their baskets come first, in GP-TopFreq-with-popularity-ties order (own
 * count, then store popularity); every other candidate (new items, and own items bought fewer
 * times) follows in the learned ranker's order. `minCount` 1 puts every own item first (GP-ties
 * with a model fill); `Infinity` is the model's order unchanged.
 *
 * Why: on Complete Journey the MLP wins on shoppers whose next basket is new to them but
 * demotes the own items of shoppers who mostly repeat (models/REPORT.md, per-user study);
 * keeping GP-ties' repeat block and letting the model choose only the fill keeps the first and
 * removes the second. Where `minCount` is chosen: on validation users (lifecycle/serving-rule.ts).
 */

/**
 * The modes the gate tries besides the plain model order (c = ∞): thresholds c = 1, 2, 3, and
 * c = 1 with the repeat block capped at 4, 6 or 8 items (GP-ties' top k, then the model's picks
 * — on shoppers with many own items c = 1 alone never reaches the fill within the top 10).
 */
export const REPEAT_FIRST_MODES: readonly RepeatFirstOptions[] = [
  { minCount: 1 }, { minCount: 2 }, { minCount: 3 },
  { minCount: 1, maxRepeat: 4 }, { minCount: 1, maxRepeat: 6 }, { minCount: 1, maxRepeat: 8 },
];

/** In how many of the shopper's baskets each of their items appears (an item counts once per basket). */
export function ownBasketCounts(history: readonly { items: readonly string[] }[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const basket of history) for (const id of new Set(basket.items)) count.set(id, (count.get(id) ?? 0) + 1);
  return count;
}

export interface RepeatFirstOptions {
  /** Own items bought in at least this many baskets form the repeat block (≥ 1; Infinity: none). */
  minCount: number;
  /** At most this many items in the repeat block (the rest fall back to the model's order); default no cap. */
  maxRepeat?: number;
}

/**
 * Candidate indices in repeat-first order. `scores` are the model's (higher first; ties by
 * candidate order), `popRank` the store's popularity rank of an item (lower is more popular;
 * unknown items: Infinity). Exact comparisons only, so the repeat block is exactly GP-ties' order.
 */
export function repeatFirstOrder(
  candidates: readonly string[],
  scores: ArrayLike<number>,
  ownCount: ReadonlyMap<string, number>,
  popRank: (id: string) => number,
  opts: RepeatFirstOptions,
): number[] {
  const block: number[] = [];
  const rest: number[] = [];
  candidates.forEach((id, k) => ((ownCount.get(id) ?? 0) >= opts.minCount ? block : rest).push(k));
  const count = (k: number) => ownCount.get(candidates[k]!)!;
  block.sort((a, b) => count(b) - count(a) || popRank(candidates[a]!) - popRank(candidates[b]!) || a - b);
  const cap = opts.maxRepeat ?? Infinity;
  if (block.length > cap) rest.push(...block.splice(cap));
  rest.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return block.concat(rest);
}

/**
 * The server's form: model scores re-expressed so that sorting by score (higher first) gives
 * the repeat-first order, with popularity from the store aggregates (the same tie-break as
 * `fallbackScores`). Repeat-block items are placed above every model score, in block order;
 * the other candidates keep their model score. One pass over the already-scored candidates.
 */
export function repeatFirstScores(
  candidates: readonly string[],
  scores: Float32Array,
  history: readonly { items: readonly string[] }[],
  agg: StoreAggregates,
  opts: RepeatFirstOptions,
): Float32Array {
  const own = ownBasketCounts(history);
  const order = repeatFirstOrder(candidates, scores, own, (id) => {
    const i = agg.index.get(id);
    return i === undefined ? Infinity : agg.rankAll[i]!;
  }, opts);
  const out = new Float32Array(scores);
  let top = -Infinity;
  for (const s of scores) if (s > top) top = s;
  if (!Number.isFinite(top)) top = 0;
  // The block occupies the first positions of `order`; its j-th item scores top + (blockLength − j).
  let blockLength = 0;
  const minCount = opts.minCount;
  const cap = opts.maxRepeat ?? Infinity;
  for (const k of order) {
    if (blockLength >= cap || (own.get(candidates[k]!) ?? 0) < minCount) break;
    blockLength++;
  }
  for (let j = 0; j < blockLength; j++) out[order[j]!] = top + (blockLength - j);
  return out;
}
