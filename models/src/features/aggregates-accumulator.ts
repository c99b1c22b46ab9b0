import { buildNeighbourLists, type NeighbourLists } from './sparse-lists.js';
import type { AggregateOptions } from './aggregates.js';
import { DEFAULT_PEER_CAPACITY, PeerPool, type PeerIndex } from './peer-index.js';
import { tifuBasketWeights } from './tifu-weights.js';

const RECENT_DECAY = 0.5;
const RECENT_DEPTH = 4;

/** One basket with its items numbered (distinct, in first-seen order). */
export interface NumberedBasket {
  t: number;
  items: Int32Array;
}

/** Everything StoreAggregates is built from, by name (its constructor takes them positionally). */
export interface AggregateColumns {
  itemIds: string[];
  popAll: Float32Array;
  popLast: Float32Array;
  popRecent: Float32Array;
  buyers: Float32Array;
  repeatBuyers: Float32Array;
  selfNextDen: Float32Array;
  selfNextNum: Float32Array;
  gapSum: Float32Array;
  gapCount: Float32Array;
  lastNew: Float32Array;
  priorBuyers: Float32Array;
  rankAll: Int32Array;
  rankLast: Int32Array;
  byLast: Int32Array;
  byAll: Int32Array;
  cooc: NeighbourLists;
  trans: NeighbourLists;
  toLast: NeighbourLists;
  peers: PeerIndex;
  nCustomers: number;
  nBaskets: number;
  recentMass: number;
  meanGap: number;
}

/** A typed array that grows by doubling: per-item and per-basket columns of unknown final size. */
class Grow<T extends Float32Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = this.make(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
const floats = (n = 1024) => new Grow(new Float32Array(n), (k) => new Float32Array(k));
const ints = (n = 1024) => new Grow(new Int32Array(n), (k) => new Int32Array(k));

/**
 * The one implementation of the StoreAggregates computation, fed one customer at a time: the
 * batch build (`StoreAggregates.build`, which groups its baskets by customer first) and the
 * streaming builder (`aggregates-stream.ts`, which gets them grouped) both number items with
 * `numberItems` and hand each customer's baskets to `addCustomer`, then call `finish`. Memory is
 * the O(items) counters plus the bounded pair-count input (each customer's latest
 * `pairBasketsPerCustomer` baskets), never the whole history.
 *
 * A new StoreAggregates field is added here only: per item and additive over customers → a Grow
 * column updated in `addCustomer`; from the pair-count input or the finished columns → computed
 * in `finish`; either way returned in `AggregateColumns` (and taken by the constructor).
 */
export class AggregatesAccumulator {
  private readonly topN: number;
  private readonly pairBaskets: number;
  private readonly pairItems: number;
  private readonly index = new Map<string, number>();
  private readonly itemIds: string[] = [];
  private readonly popAll = floats();
  private readonly popLast = floats();
  private readonly popRecent = floats();
  private readonly buyers = floats();
  private readonly repeatBuyers = floats();
  private readonly selfNextDen = floats();
  private readonly selfNextNum = floats();
  private readonly gapSum = floats();
  private readonly gapCount = floats();
  /** Per item: customers whose latest basket has it as a new item; customers who bought it before their latest basket. */
  private readonly lastNew = floats();
  private readonly priorBuyers = floats();
  /** Per item, within the current customer: baskets with it so far; last basket position + 1 (0 = not yet); "in basket pos+1" marks as pos + 2. */
  private readonly perCustomer = ints();
  private readonly lastPos = ints();
  private readonly inNext = ints();
  private readonly perItem = [this.popAll, this.popLast, this.popRecent, this.buyers, this.repeatBuyers, this.selfNextDen, this.selfNextNum, this.gapSum, this.gapCount, this.lastNew, this.priorBuyers, this.perCustomer, this.lastPos, this.inNext];
  private allGaps = 0;
  private allGapCount = 0;
  /** Pair-count input: recent baskets flattened, each customer's run contiguous so "next basket" is the following entry. */
  private readonly flat = ints(1 << 16);
  private readonly starts = ints();
  /** Index of the next basket of the same customer, or −1. */
  private readonly nextOf = ints();
  /** Index of the latest basket of the same customer, or −1 for that latest basket itself. */
  private readonly lastOf = ints();
  /** Customers' earlier baskets (as TIFU vectors) and latest baskets, for the peer feature. */
  private readonly peers: PeerPool;
  /** Per item scratch for one customer's peer vector. */
  private readonly peerWeight = floats();
  private recentMass = 0;
  private nCustomers = 0;
  private nBaskets = 0;

  constructor(opts: AggregateOptions = {}) {
    this.topN = opts.topN ?? 30;
    this.pairBaskets = opts.pairBasketsPerCustomer ?? 50;
    this.pairItems = opts.pairItemsPerBasket ?? 40;
    this.peers = new PeerPool(opts.peerCapacity ?? DEFAULT_PEER_CAPACITY);
  }

  /** A basket's distinct items as numbers, new items numbered as first seen; undefined if it has none. */
  numberItems(items: readonly string[]): Int32Array | undefined {
    const ids: number[] = [];
    for (const id of items) {
      let k = this.index.get(id);
      if (k === undefined) {
        k = this.itemIds.length;
        this.index.set(id, k);
        this.itemIds.push(id);
      }
      if (!ids.includes(k)) ids.push(k);
    }
    return ids.length === 0 ? undefined : Int32Array.from(ids);
  }

  /** Adds one customer's (numbered, non-empty) baskets, in any order; sorts `list` by time in place. */
  addCustomer(list: NumberedBasket[]): void {
    if (list.length === 0) return;
    this.nCustomers++;
    this.nBaskets += list.length;
    const n = this.itemIds.length;
    for (const col of this.perItem) {
      col.ensure(n);
      col.length = n;
    }
    const popAll = this.popAll.data, popLast = this.popLast.data, popRecent = this.popRecent.data;
    const perCustomer = this.perCustomer.data;
    const selfNextDen = this.selfNextDen.data, selfNextNum = this.selfNextNum.data, gapSum = this.gapSum.data, gapCount = this.gapCount.data;
    const lastPos = this.lastPos.data, inNext = this.inNext.data;
    const lastNew = this.lastNew.data, priorBuyers = this.priorBuyers.data;
    list.sort((a, b) => a.t - b.t);
    const touched: number[] = [];
    for (let pos = 0; pos < list.length; pos++) {
      const basket = list[pos]!;
      const back = list.length - 1 - pos;
      const w = back < RECENT_DEPTH ? RECENT_DECAY ** back : 0;
      // Before the latest basket: everything touched so far was bought earlier (the repeat side's denominator).
      if (back === 0) for (const i of touched) priorBuyers[i]!++;
      for (const i of basket.items) {
        popAll[i]!++;
        if (back === 0) {
          popLast[i]!++;
          if (perCustomer[i] === 0) lastNew[i]!++;
        }
        popRecent[i]! += w;
        if (perCustomer[i] === 0) touched.push(i);
        perCustomer[i]!++;
        if (lastPos[i]! > 0) {
          const gap = pos - (lastPos[i]! - 1);
          gapSum[i]! += gap;
          gapCount[i]!++;
          this.allGaps += gap;
          this.allGapCount++;
        }
        lastPos[i] = pos + 1;
      }
      this.recentMass += w;
      if (pos + 1 < list.length) {
        for (const i of list[pos + 1]!.items) inNext[i] = pos + 2;
        for (const i of basket.items) {
          selfNextDen[i]!++;
          if (inNext[i] === pos + 2) selfNextNum[i]!++;
        }
      }
    }
    const buyers = this.buyers.data, repeatBuyers = this.repeatBuyers.data;
    for (const i of touched) {
      buyers[i]!++;
      if (perCustomer[i]! > 1) repeatBuyers[i]!++;
      perCustomer[i] = 0;
      lastPos[i] = 0;
      inNext[i] = 0;
    }
    this.addPeer(list);
    const first = Math.max(0, list.length - this.pairBaskets);
    const latest = this.starts.length + (list.length - 1 - first);
    for (let pos = first; pos < list.length; pos++) {
      const items = list[pos]!.items;
      const kept = items.length > this.pairItems ? items.subarray(0, this.pairItems) : items;
      this.starts.ensure(this.starts.length + 1);
      this.starts.data[this.starts.length++] = this.flat.length;
      this.nextOf.ensure(this.nextOf.length + 1);
      this.nextOf.data[this.nextOf.length++] = pos < list.length - 1 ? this.starts.length : -1;
      this.lastOf.ensure(this.lastOf.length + 1);
      this.lastOf.data[this.lastOf.length++] = pos < list.length - 1 ? latest : -1;
      this.flat.ensure(this.flat.length + kept.length);
      this.flat.data.set(kept, this.flat.length);
      this.flat.length += kept.length;
    }
  }

  /**
   * The customer as a peer: the TIFU vector of their baskets before the latest (at most the
   * `pairBasketsPerCustomer` before it; older ones weigh < 0.9⁵⁰ anyway) and the latest basket.
   */
  private addPeer(list: readonly NumberedBasket[]): void {
    const latest = list[list.length - 1]!;
    if (list.length < 2 || !this.peers.wants(latest.t)) return;
    const first = Math.max(0, list.length - 1 - this.pairBaskets);
    const weights = tifuBasketWeights(list.length - 1 - first);
    this.peerWeight.ensure(this.itemIds.length);
    const w = this.peerWeight.data;
    const items: number[] = [];
    for (let pos = first; pos < list.length - 1; pos++) {
      for (const i of list[pos]!.items) {
        if (w[i] === 0) items.push(i);
        w[i]! += weights[pos - first]!;
      }
    }
    const vector = Float32Array.from(items, (i) => w[i]!);
    for (const i of items) w[i] = 0;
    this.peers.offer(latest.t, Int32Array.from(items), vector, latest.items);
  }

  /**
   * Completes the build: pair lists and rankings. Yields now and then (an async build lets other
   * work run there); call once, after the last customer.
   */
  *finish(): Generator<void, AggregateColumns> {
    const n = this.itemIds.length;
    const column = (g: Grow<Float32Array>) => {
      g.ensure(n);
      return g.data.slice(0, n);
    };
    const popAll = column(this.popAll), popLast = column(this.popLast), popRecent = column(this.popRecent);
    const buyers = column(this.buyers), repeatBuyers = column(this.repeatBuyers);
    const selfNextDen = column(this.selfNextDen), selfNextNum = column(this.selfNextNum), gapSum = column(this.gapSum), gapCount = column(this.gapCount);
    const lastNew = column(this.lastNew), priorBuyers = column(this.priorBuyers);
    const meanGap = this.allGapCount > 0 ? this.allGaps / this.allGapCount : 1;
    this.starts.ensure(this.starts.length + 1);
    this.starts.data[this.starts.length++] = this.flat.length;
    const flat = this.flat.view(), starts = this.starts.view(), nextOf = this.nextOf.view(), lastOf = this.lastOf.view();
    // item → baskets containing it (CSR), for the pair counts.
    const postCount = new Int32Array(n + 1);
    for (const i of flat) postCount[i + 1]!++;
    for (let i = 0; i < n; i++) postCount[i + 1]! += postCount[i]!;
    const postings = new Int32Array(flat.length);
    const fill = postCount.slice(0, n);
    for (let b = 0; b + 1 < starts.length; b++) {
      if ((b & 4095) === 0) yield;
      for (let x = starts[b]!; x < starts[b + 1]!; x++) postings[fill[flat[x]!]!++] = b;
    }
    const cooc = yield* buildNeighbourLists(n, this.topN, flat, (j, emit) => {
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) emit(starts[postings[p]!]!, starts[postings[p]! + 1]!);
      return postCount[j + 1]! - postCount[j]!;
    });
    const trans = yield* buildNeighbourLists(n, this.topN, flat, (j, emit) => {
      let events = 0;
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) {
        const next = nextOf[postings[p]!]!;
        if (next < 0) continue;
        events++;
        emit(starts[next]!, starts[next + 1]!);
      }
      return events;
    });
    // The same from each earlier basket to the customer's latest one: what shoppers went on to buy in the latest period.
    const toLast = yield* buildNeighbourLists(n, this.topN, flat, (j, emit) => {
      let events = 0;
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) {
        const last = lastOf[postings[p]!]!;
        if (last < 0) continue;
        events++;
        emit(starts[last]!, starts[last + 1]!);
      }
      return events;
    });
    yield;
    const keys = () => Int32Array.from({ length: n }, (_, k) => k);
    const byAll = keys().sort((a, b) => popAll[b]! - popAll[a]! || a - b);
    const byLast = keys().sort((a, b) => popLast[b]! - popLast[a]! || popAll[b]! - popAll[a]! || a - b);
    const rankAll = new Int32Array(n), rankLast = new Int32Array(n);
    byAll.forEach((i, r) => (rankAll[i] = r));
    byLast.forEach((i, r) => (rankLast[i] = r));
    return { itemIds: this.itemIds, popAll, popLast, popRecent, buyers, repeatBuyers, selfNextDen, selfNextNum, gapSum, gapCount, lastNew, priorBuyers, rankAll, rankLast, byLast, byAll, cooc, trans, toLast, peers: this.peers.build(n), nCustomers: this.nCustomers, nBaskets: this.nBaskets, recentMass: this.recentMass, meanGap };
  }
}
