/**
 * TIFU-KNN (Hu et al., SIGIR 2020) as ../shared/datasets/README.md specifies it: recency-
 * weighted, grouped user vectors; the k nearest train users by Euclidean distance; score =
 * α·own + (1−α)·mean(neighbours). Vectors are sparse (item → weight) and neighbours are found
 * through an item → users inverted index, so no dense user × item matrix is ever built.
 */
import { nearestK } from '../features/nearest-k.js';

export interface TifuParams {
  k: number;
  rb: number;
  rg: number;
  alpha: number;
  groups: number;
}
export const TIFU_DEFAULTS: TifuParams = { k: 300, rb: 0.9, rg: 0.7, alpha: 0.7, groups: 7 };

export type SparseVector = Map<string, number>;

/** Sizes of consecutive groups: ⌊n/m⌋ or ⌈n/m⌉ baskets, the larger groups last. */
export function groupSizes(n: number, m: number): number[] {
  if (n < m) return new Array<number>(n).fill(1);
  const q = Math.floor(n / m);
  const r = n % m;
  return Array.from({ length: m }, (_, g) => (g >= m - r ? q + 1 : q));
}

export function tifuUserVector(history: readonly string[][], p: TifuParams = TIFU_DEFAULTS): SparseVector {
  const n = history.length;
  const sizes = groupSizes(n, p.groups);
  const user: SparseVector = new Map();
  let j = 0; // 0-based basket index; the README's 1-based j is j + 1
  sizes.forEach((size, g) => {
    const groupWeight = p.rg ** (p.groups - 1 - g) / sizes.length;
    for (let s = 0; s < size; s++, j++) {
      const w = (p.rb ** (n - (j + 1)) / size) * groupWeight;
      for (const item of history[j]!) user.set(item, (user.get(item) ?? 0) + w);
    }
  });
  return user;
}

/**
 * The neighbour index. Each train user's vector is kept as parallel typed arrays over item
 * numbers, and a query sums into one dense array, so scoring a shopper costs array arithmetic,
 * not Map updates: the edge server serves TIFU-KNN per scan when a store's gate picks it. The
 * k nearest are chosen with a bounded max-heap rather than a sort of every train user. Scores
 * are exactly those of the plain definition (same neighbours, same summation order, same
 * first-touch order of the returned Map; `tifu-knn.test.ts` compares against it).
 */
export class TifuKnn {
  private readonly itemIds: string[] = [];
  private readonly itemNo = new Map<string, number>();
  private readonly userItems: Int32Array[];
  private readonly userWeights: Float64Array[];
  private readonly norms: Float64Array;
  private readonly postings: Array<{ user: number[]; w: number[] }> = [];

  constructor(
    neighbourHistories: readonly (readonly string[][])[],
    private readonly p: TifuParams = TIFU_DEFAULTS,
    /** False only from `build`, which adds the neighbours itself, a slice at a time. */
    fillNow = true,
  ) {
    const users = neighbourHistories.length;
    this.userItems = new Array<Int32Array>(users);
    this.userWeights = new Array<Float64Array>(users);
    this.norms = new Float64Array(users);
    if (fillNow) neighbourHistories.forEach((h, u) => this.addUser(h, u));
  }

  /**
   * The same index, built `usersPerSlice` neighbours at a time with a turn of the event loop
   * between slices: a server choosing TIFU-KNN mid-day builds it over every shopper (85–200 ms at
   * 300 shoppers, ~1.5 s at 20,000 on the 2-core box), which in one piece would hold every scan.
   */
  static async build(neighbourHistories: readonly (readonly string[][])[], p: TifuParams = TIFU_DEFAULTS, usersPerSlice = 16): Promise<TifuKnn> {
    const knn = new TifuKnn(neighbourHistories, p, false);
    for (let u = 0; u < neighbourHistories.length; u++) {
      if (u > 0 && u % usersPerSlice === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      knn.addUser(neighbourHistories[u]!, u);
    }
    return knn;
  }

  private addUser(history: readonly string[][], u: number) {
    const v = tifuUserVector(history, this.p);
    const items = new Int32Array(v.size), weights = new Float64Array(v.size);
    let s = 0, x = 0;
    for (const [item, w] of v) {
      const n = this.numberOf(item);
      items[x] = n;
      weights[x++] = w;
      s += w * w;
      const post = this.postings[n]!;
      post.user.push(u);
      post.w.push(w);
    }
    this.userItems[u] = items;
    this.userWeights[u] = weights;
    this.norms[u] = s;
  }

  private numberOf(item: string): number {
    let n = this.itemNo.get(item);
    if (n === undefined) {
      n = this.itemIds.length;
      this.itemNo.set(item, n);
      this.itemIds.push(item);
      this.postings.push({ user: [], w: [] });
    }
    return n;
  }

  /** Scores every item with a non-zero score for one user; the caller ranks them. */
  scores(history: readonly string[][]): SparseVector {
    const { own, sum, touched } = this.sums(history);
    // Own items first, then each neighbour's new items in order: the plain definition's Map insertion order.
    const out: SparseVector = new Map();
    for (const [item, w] of own) {
      const n = this.itemNo.get(item);
      out.set(item, n === undefined ? this.p.alpha * w : sum[n]!);
    }
    for (const n of touched) out.set(this.itemIds[n]!, sum[n]!);
    return out;
  }

  /** The scores of `items` alone (0 for an item nobody near bought): what a server ranking candidates needs, without the Map. */
  scoreItems(history: readonly string[][], items: readonly string[]): Float64Array {
    const { own, sum } = this.sums(history);
    return Float64Array.from(items, (item) => {
      const n = this.itemNo.get(item);
      if (n !== undefined) return sum[n]!;
      const w = own.get(item);
      return w === undefined ? 0 : this.p.alpha * w;
    });
  }

  /**
   * α·own + (1−α)·mean of the k nearest users' vectors, per item number, summed own first and
   * then neighbour by neighbour; `touched`: the item numbers the neighbours added, first touch first.
   */
  private sums(history: readonly string[][]) {
    const own = tifuUserVector(history, this.p);
    const users = this.norms.length;
    const dot = new Float64Array(users);
    let ownNorm = 0;
    for (const [item, w] of own) {
      ownNorm += w * w;
      const n = this.itemNo.get(item);
      if (n === undefined) continue;
      const post = this.postings[n]!;
      for (let x = 0; x < post.user.length; x++) dot[post.user[x]!]! += w * post.w[x]!;
    }
    const nearest = nearestK(users, Math.min(this.p.k, users), (u) => ownNorm + this.norms[u]! - 2 * dot[u]!);
    const sum = new Float64Array(this.itemIds.length);
    const seen = new Uint8Array(this.itemIds.length);
    const touched: number[] = [];
    for (const [item, w] of own) {
      const n = this.itemNo.get(item);
      if (n === undefined) continue;
      sum[n] = this.p.alpha * w;
      seen[n] = 1;
    }
    const nw = (1 - this.p.alpha) / Math.max(1, nearest.length);
    for (const u of nearest) {
      const items = this.userItems[u]!, weights = this.userWeights[u]!;
      for (let x = 0; x < items.length; x++) {
        const n = items[x]!;
        if (!seen[n]) {
          seen[n] = 1;
          touched.push(n);
        }
        sum[n] = sum[n]! + nw * weights[x]!;
      }
    }
    return { own, sum, touched };
  }

  rank(history: readonly string[][], popRanking: readonly string[], upTo: number): string[] {
    const s = this.scores(history);
    const ranked = [...s.entries()].sort((a, b) => b[1] - a[1]).slice(0, upTo).map(([i]) => i);
    if (ranked.length < upTo) {
      const seen = new Set(ranked);
      for (const i of popRanking) {
        if (ranked.length >= upTo) break;
        if (!seen.has(i)) ranked.push(i);
      }
    }
    return ranked;
  }
}
