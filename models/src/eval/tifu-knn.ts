/**
 * TIFU-KNN (Hu et al., SIGIR 2020) as ../shared/datasets/README.md specifies it: recency-
 * weighted, grouped user vectors; the k nearest train users by Euclidean distance; score =
 * α·own + (1−α)·mean(neighbours). Vectors are sparse (item → weight) and neighbours are found
 * through an item → users inverted index, so no dense user × item matrix is ever built.
 */
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

export class TifuKnn {
  private readonly vectors: SparseVector[];
  private readonly norms: Float64Array;
  private readonly postings = new Map<string, { user: number[]; w: number[] }>();

  constructor(
    neighbourHistories: readonly (readonly string[][])[],
    private readonly p: TifuParams = TIFU_DEFAULTS,
  ) {
    this.vectors = neighbourHistories.map((h) => tifuUserVector(h, p));
    this.norms = new Float64Array(this.vectors.length);
    this.vectors.forEach((v, u) => {
      let s = 0;
      for (const [item, w] of v) {
        s += w * w;
        let post = this.postings.get(item);
        if (!post) this.postings.set(item, (post = { user: [], w: [] }));
        post.user.push(u);
        post.w.push(w);
      }
      this.norms[u] = s;
    });
  }

  /** Scores every item with a non-zero score for one user; the caller ranks them. */
  scores(history: readonly string[][]): SparseVector {
    const own = tifuUserVector(history, this.p);
    const dot = new Float64Array(this.vectors.length);
    let ownNorm = 0;
    for (const [item, w] of own) {
      ownNorm += w * w;
      const post = this.postings.get(item);
      if (!post) continue;
      for (let x = 0; x < post.user.length; x++) dot[post.user[x]!]! += w * post.w[x]!;
    }
    const dist = new Float64Array(this.vectors.length);
    for (let u = 0; u < dist.length; u++) dist[u] = ownNorm + this.norms[u]! - 2 * dot[u]!;
    const order = Array.from(dist.keys()).sort((a, b) => dist[a]! - dist[b]! || a - b);
    const k = Math.min(this.p.k, order.length);
    const out: SparseVector = new Map();
    for (const [item, w] of own) out.set(item, this.p.alpha * w);
    const nw = (1 - this.p.alpha) / Math.max(1, k);
    for (let x = 0; x < k; x++) for (const [item, w] of this.vectors[order[x]!]!) out.set(item, (out.get(item) ?? 0) + nw * w);
    return out;
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
