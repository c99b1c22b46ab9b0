import { nearestK } from './nearest-k.js';

/**
 * "Shoppers like this one, on their latest visit" (feature `knn_last_log`, contract f4): the
 * customers whose earlier baskets look most like a shopper's history, and what they bought in
 * their latest basket. User-kNN as in TIFU-KNN (Hu et al., SIGIR 2020: the same recency-weighted
 * vectors, Euclidean distance, k = 300), but the neighbours vote with their *latest* basket rather
 * than their whole history: on Ta-Feng's validation users that is what added to the item-to-item
 * features (models/REPORT.md, f4).
 *
 * Typed arrays only, so the index crosses threads with the rest of StoreAggregates
 * (`aggregates-transfer.ts`) and costs no Map lookups in the scan path.
 */
export interface PeerIndex {
  /** Peer p's vector: item numbers and TIFU weights in vecItems/vecWeights[vecStarts[p] .. vecStarts[p + 1]). */
  vecStarts: Int32Array;
  vecItems: Int32Array;
  vecWeights: Float32Array;
  /** Squared length of each peer's vector. */
  norms: Float64Array;
  /** Peer p's latest basket: lastItems[lastStarts[p] .. lastStarts[p + 1]). */
  lastStarts: Int32Array;
  lastItems: Int32Array;
  /** Item i → the peers whose vector has it, with their weight: postPeers/postWeights[postStarts[i] .. postStarts[i + 1]). */
  postStarts: Int32Array;
  postPeers: Int32Array;
  postWeights: Float32Array;
}

/** Neighbours that vote (TIFU-KNN's k). */
export const PEER_NEIGHBOURS = 300;
/** Peers kept by default: a bound on memory and on each scan's distance pass, at any store or chain size. */
export const DEFAULT_PEER_CAPACITY = 20_000;

interface Entry {
  t: number;
  seq: number;
  items: Int32Array;
  weights: Float32Array;
  latest: Int32Array;
}

/**
 * Collects peers while the aggregates are built, customer by customer. Past `capacity` it keeps
 * the customers with the most recent latest baskets (a min-heap on (time, arrival)): the latest
 * period is the one the next basket falls in.
 */
export class PeerPool {
  private readonly entries: Entry[] = [];
  /** Indexes into `entries`, a min-heap on (t, seq). */
  private readonly heap: number[] = [];
  private seq = 0;

  constructor(private readonly capacity = DEFAULT_PEER_CAPACITY) {}

  /** Whether a customer whose latest basket is at `t` would be kept (saves building a vector that would be dropped). */
  wants(t: number): boolean {
    if (this.capacity <= 0) return false;
    return this.entries.length < this.capacity || t > this.entries[this.heap[0]!]!.t;
  }

  offer(t: number, items: Int32Array, weights: Float32Array, latest: Int32Array): void {
    if (!this.wants(t) || items.length === 0) return;
    const entry = { t, seq: this.seq++, items, weights, latest };
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      this.heap.push(this.entries.length - 1);
      this.up(this.heap.length - 1);
    } else {
      this.entries[this.heap[0]!] = entry;
      this.down(0);
    }
  }

  private less(a: number, b: number): boolean {
    const x = this.entries[a]!, y = this.entries[b]!;
    return x.t < y.t || (x.t === y.t && x.seq < y.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) return;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let top = i;
      if (l < h.length && this.less(h[l]!, h[top]!)) top = l;
      if (r < h.length && this.less(h[r]!, h[top]!)) top = r;
      if (top === i) return;
      [h[i], h[top]] = [h[top]!, h[i]!];
      i = top;
    }
  }

  /** The finished index over `items` item numbers (peers in the order they were kept). */
  build(items: number): PeerIndex {
    const peers = this.entries;
    const vecStarts = new Int32Array(peers.length + 1), lastStarts = new Int32Array(peers.length + 1);
    peers.forEach((e, p) => {
      vecStarts[p + 1] = vecStarts[p]! + e.items.length;
      lastStarts[p + 1] = lastStarts[p]! + e.latest.length;
    });
    const vecItems = new Int32Array(vecStarts[peers.length]!), vecWeights = new Float32Array(vecItems.length);
    const lastItems = new Int32Array(lastStarts[peers.length]!);
    const norms = new Float64Array(peers.length);
    const postStarts = new Int32Array(items + 1);
    peers.forEach((e, p) => {
      vecItems.set(e.items, vecStarts[p]);
      vecWeights.set(e.weights, vecStarts[p]);
      lastItems.set(e.latest, lastStarts[p]);
      let s = 0;
      for (const w of e.weights) s += w * w;
      norms[p] = s;
      for (const i of e.items) postStarts[i + 1]!++;
    });
    for (let i = 0; i < items; i++) postStarts[i + 1]! += postStarts[i]!;
    const fill = postStarts.slice(0, items);
    const postPeers = new Int32Array(vecItems.length), postWeights = new Float32Array(vecItems.length);
    for (let p = 0; p < peers.length; p++) {
      for (let x = vecStarts[p]!; x < vecStarts[p + 1]!; x++) {
        const at = fill[vecItems[x]!]!++;
        postPeers[at] = p;
        postWeights[at] = vecWeights[x]!;
      }
    }
    return { vecStarts, vecItems, vecWeights, norms, lastStarts, lastItems, postStarts, postPeers, postWeights };
  }
}

export function peerIndexBytes(index: PeerIndex): number {
  return Object.values(index).reduce((s: number, a: ArrayBufferView) => s + a.byteLength, 0);
}

/**
 * For a shopper whose vector has weight `weight[i]` on each item of `own`: adds to `share[i]`
 * the share of their nearest peers whose latest basket has item i, and lists in `touched` the
 * items it made non-zero. `dot` is per-peer scratch, all zero on entry and on return.
 */
export function addPeerLatestShares(index: PeerIndex, own: readonly number[], weight: Float32Array, dot: Float64Array, share: Float32Array, touched: number[]): void {
  const peers = index.norms.length;
  if (own.length === 0 || peers === 0) return;
  let ownNorm = 0;
  for (const i of own) {
    const w = weight[i]!;
    ownNorm += w * w;
    for (let x = index.postStarts[i]!; x < index.postStarts[i + 1]!; x++) dot[index.postPeers[x]!]! += w * index.postWeights[x]!;
  }
  const nearest = nearestK(peers, Math.min(PEER_NEIGHBOURS, peers), (p) => ownNorm + index.norms[p]! - 2 * dot[p]!);
  dot.fill(0);
  const vote = 1 / nearest.length;
  for (const p of nearest) {
    for (let x = index.lastStarts[p]!; x < index.lastStarts[p + 1]!; x++) {
      const i = index.lastItems[x]!;
      if (share[i] === 0) touched.push(i);
      share[i]! += vote;
    }
  }
}
