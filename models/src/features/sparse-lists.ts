/**
 * Sparse top-N neighbour lists (CSR): for item j, up to N items i with P(i | j). This is what
 * keeps co-occurrence bounded at N × items instead of a dense items × items matrix.
 */
export interface NeighbourLists {
  offsets: Int32Array; // length items + 1
  items: Int32Array;
  probs: Float32Array;
}

/**
 * Builds the lists from "events": for each source item j, the target baskets it points at
 * (the same basket for co-occurrence, the next basket for transitions). `targetsOf(j, emit)`
 * must call emit(basketStart, basketEnd) for each such basket over `flat`.
 */
export function* buildNeighbourLists(
  nItems: number,
  topN: number,
  flat: Int32Array,
  targetsOf: (j: number, emit: (start: number, end: number) => void) => number,
): Generator<void, NeighbourLists> {
  const acc = new Float32Array(nItems);
  const touched: number[] = [];
  const offsets = new Int32Array(nItems + 1);
  const outItems: number[] = [];
  const outProbs: number[] = [];
  for (let j = 0; j < nItems; j++) {
    if ((j & 63) === 0) yield; // a point where an async build may let other work run
    offsets[j] = outItems.length;
    const events = targetsOf(j, (start, end) => {
      for (let x = start; x < end; x++) {
        const i = flat[x]!;
        if (i === j) continue;
        if (acc[i] === 0) touched.push(i);
        acc[i]! += 1;
      }
    });
    if (events > 0 && touched.length > 0) {
      for (const i of topByScore(touched, acc, topN)) {
        outItems.push(i);
        outProbs.push(acc[i]! / events);
      }
    }
    for (const i of touched) acc[i] = 0;
    touched.length = 0;
  }
  offsets[nItems] = outItems.length;
  return { offsets, items: Int32Array.from(outItems), probs: Float32Array.from(outProbs) };
}

export function listBytes(l: NeighbourLists): number {
  return l.offsets.byteLength + l.items.byteLength + l.probs.byteLength;
}

/**
 * The `n` ids with the highest score (ties: lower id first), best first. A bounded insertion
 * list: O(ids × n) in the worst case but O(ids) typically — a full sort of every item's
 * touched list was the refresh's bottleneck.
 */
export function topByScore(ids: readonly number[], score: ArrayLike<number>, n: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  for (const i of ids) {
    if (top.length === n && !better(i, top[n - 1]!)) continue;
    let k = top.length < n ? top.length : n - 1;
    if (top.length < n) top.push(i);
    while (k > 0 && better(i, top[k - 1]!)) {
      top[k] = top[k - 1]!;
      k--;
    }
    top[k] = i;
  }
  return top;
}
