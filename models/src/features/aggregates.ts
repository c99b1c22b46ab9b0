import { buildNeighbourLists, listBytes, type NeighbourLists } from './sparse-lists.js';

export interface AggregateBasket {
  customerId: string;
  basketId: string;
  t: number;
  items: readonly string[];
}

export interface AggregateOptions {
  /** Neighbours kept per item in the co-occurrence and transition lists. */
  topN?: number;
  /** Only each customer's most recent baskets feed the pair counts (bounds refresh time). */
  pairBasketsPerCustomer?: number;
  /** Items of a basket beyond this many are left out of the pair counts (huge baskets). */
  pairItemsPerBasket?: number;
}

export interface AggregateStats {
  items: number;
  customers: number;
  baskets: number;
  bytes: number;
  memoryMb: number;
}

const RECENT_DECAY = 0.5;
const RECENT_DEPTH = 4;

/**
 * Store-level aggregates the features need: popularity (all baskets, latest baskets, recent
 * baskets), repeat propensity, per-item repeat cycles (self-transition rate, mean gap between repeat
 * purchases), and sparse top-N co-occurrence / next-basket transition lists.
 * Immutable once built: a refresh builds a new one and swaps the reference.
 */
export class StoreAggregates {
  readonly index: Map<string, number>;
  /** Per-call scratch for feature computation (dense, but O(items), never O(items²)). */
  readonly scratch: { a: Float32Array; b: Float32Array; c: Float32Array; d: Float32Array; e: Float32Array; f: Float32Array; g: Float32Array; h: Float32Array; k: Float32Array; l: Float32Array; last: Int32Array; first: Int32Array; stamp: Int32Array };

  private constructor(
    readonly itemIds: string[],
    readonly popAll: Float32Array,
    readonly popLast: Float32Array,
    readonly popRecent: Float32Array,
    readonly buyers: Float32Array,
    readonly repeatBuyers: Float32Array,
    /** Per item: baskets containing it that have a next basket of the same customer, and how many of those next baskets contain it again. */
    readonly selfNextDen: Float32Array,
    readonly selfNextNum: Float32Array,
    /** Per item: sum and count of the gaps (in baskets) between a customer's consecutive purchases of it. */
    readonly gapSum: Float32Array,
    readonly gapCount: Float32Array,
    readonly rankAll: Int32Array,
    readonly rankLast: Int32Array,
    /** Items by latest-basket popularity (ties: all-basket popularity), most popular first. */
    readonly byLast: Int32Array,
    /** Items by all-basket popularity, most popular first. */
    readonly byAll: Int32Array,
    readonly cooc: NeighbourLists,
    readonly trans: NeighbourLists,
    readonly nCustomers: number,
    readonly nBaskets: number,
    readonly recentMass: number,
    /** Mean gap (in baskets) between repeat purchases over all items: the prior of an item's cycle. */
    readonly meanGap: number,
  ) {
    this.index = new Map(itemIds.map((id, k) => [id, k]));
    const n = itemIds.length;
    this.scratch = {
      a: new Float32Array(n), b: new Float32Array(n), c: new Float32Array(n), d: new Float32Array(n),
      e: new Float32Array(n), f: new Float32Array(n), g: new Float32Array(n), h: new Float32Array(n),
      k: new Float32Array(n), l: new Float32Array(n),
      last: new Int32Array(n).fill(-1), first: new Int32Array(n).fill(-1), stamp: new Int32Array(n).fill(-1),
    };
  }

  /** Builds in one go (training, evaluation, tests). */
  static build(baskets: Iterable<AggregateBasket>, opts: AggregateOptions = {}): StoreAggregates {
    const steps = StoreAggregates.steps(baskets, opts);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /**
   * Builds in slices of at most `sliceMs` of CPU, yielding to the event loop between them, so
   * a server refreshing its aggregates keeps answering scans (they use the previous ones).
   */
  static async buildAsync(baskets: Iterable<AggregateBasket>, opts: AggregateOptions = {}, sliceMs = 10): Promise<StoreAggregates> {
    const steps = StoreAggregates.steps(baskets, opts);
    let sliceStart = performance.now();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (performance.now() - sliceStart >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  private static *steps(baskets: Iterable<AggregateBasket>, opts: AggregateOptions): Generator<void, StoreAggregates> {
    const topN = opts.topN ?? 30;
    const pairBaskets = opts.pairBasketsPerCustomer ?? 50;
    const pairItems = opts.pairItemsPerBasket ?? 40;
    const index = new Map<string, number>();
    const itemIds: string[] = [];
    const byCustomer = new Map<string, { t: number; items: Int32Array }[]>();
    let nBaskets = 0;
    for (const b of baskets) {
      if ((nBaskets & 1023) === 0) yield;
      const ids: number[] = [];
      for (const id of b.items) {
        let k = index.get(id);
        if (k === undefined) {
          k = itemIds.length;
          index.set(id, k);
          itemIds.push(id);
        }
        if (!ids.includes(k)) ids.push(k);
      }
      if (ids.length === 0) continue;
      nBaskets++;
      const list = byCustomer.get(b.customerId);
      const entry = { t: b.t, items: Int32Array.from(ids) };
      if (list) list.push(entry);
      else byCustomer.set(b.customerId, [entry]);
    }
    const n = itemIds.length;
    const popAll = new Float32Array(n), popLast = new Float32Array(n), popRecent = new Float32Array(n);
    const buyers = new Float32Array(n), repeatBuyers = new Float32Array(n);
    const perCustomer = new Int32Array(n);
    const selfNextDen = new Float32Array(n), selfNextNum = new Float32Array(n);
    const gapSum = new Float32Array(n), gapCount = new Float32Array(n);
    const lastPos = new Int32Array(n).fill(-1);
    const inNext = new Int32Array(n).fill(-1); // marks the items of basket pos+1 with pos+1
    let allGaps = 0, allGapCount = 0;
    // Flattened recent baskets for the pair counts, with each customer's basket run kept
    // contiguous so that "next basket" is the following entry.
    const flatParts: number[] = [];
    const starts: number[] = [];
    const nextOf: number[] = []; // index of the next basket of the same customer, or −1
    let recentMass = 0;
    let customerNo = 0;
    for (const list of byCustomer.values()) {
      if ((++customerNo & 255) === 0) yield;
      list.sort((a, b) => a.t - b.t);
      const touched: number[] = [];
      list.forEach((basket, pos) => {
        const back = list.length - 1 - pos;
        const w = back < RECENT_DEPTH ? RECENT_DECAY ** back : 0;
        for (const i of basket.items) {
          popAll[i]!++;
          if (back === 0) popLast[i]!++;
          popRecent[i]! += w;
          if (perCustomer[i] === 0) touched.push(i);
          perCustomer[i]!++;
          if (lastPos[i]! >= 0) {
            gapSum[i]! += pos - lastPos[i]!;
            gapCount[i]!++;
            allGaps += pos - lastPos[i]!;
            allGapCount++;
          }
          lastPos[i] = pos;
        }
        recentMass += w;
        if (pos + 1 < list.length) {
          for (const i of list[pos + 1]!.items) inNext[i] = pos + 1;
          for (const i of basket.items) {
            selfNextDen[i]!++;
            if (inNext[i] === pos + 1) selfNextNum[i]!++;
          }
        }
      });
      for (const i of touched) {
        buyers[i]!++;
        if (perCustomer[i]! > 1) repeatBuyers[i]!++;
        perCustomer[i] = 0;
        lastPos[i] = -1;
        inNext[i] = -1;
      }
      const recent = list.slice(-pairBaskets);
      recent.forEach((basket, pos) => {
        starts.push(flatParts.length);
        nextOf.push(pos < recent.length - 1 ? starts.length : -1);
        const items = basket.items.length > pairItems ? basket.items.subarray(0, pairItems) : basket.items;
        for (const i of items) flatParts.push(i);
      });
    }
    starts.push(flatParts.length);
    const flat = Int32Array.from(flatParts);
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
    const cooc = yield* buildNeighbourLists(n, topN, flat, (j, emit) => {
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) emit(starts[postings[p]!]!, starts[postings[p]! + 1]!);
      return postCount[j + 1]! - postCount[j]!;
    });
    const trans = yield* buildNeighbourLists(n, topN, flat, (j, emit) => {
      let events = 0;
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) {
        const next = nextOf[postings[p]!]!;
        if (next < 0) continue;
        events++;
        emit(starts[next]!, starts[next + 1]!);
      }
      return events;
    });
    yield;
    const byAll = Int32Array.from(itemIds.keys()).sort((a, b) => popAll[b]! - popAll[a]! || a - b);
    const byLast = Int32Array.from(itemIds.keys()).sort((a, b) => popLast[b]! - popLast[a]! || popAll[b]! - popAll[a]! || a - b);
    const rankAll = new Int32Array(n), rankLast = new Int32Array(n);
    byAll.forEach((i, r) => (rankAll[i] = r));
    byLast.forEach((i, r) => (rankLast[i] = r));
    const meanGap = allGapCount > 0 ? allGaps / allGapCount : 1;
    return new StoreAggregates(itemIds, popAll, popLast, popRecent, buyers, repeatBuyers, selfNextDen, selfNextNum, gapSum, gapCount, rankAll, rankLast, byLast, byAll, cooc, trans, byCustomer.size, nBaskets, recentMass, meanGap);
  }

  stats(): AggregateStats {
    const arrays = [this.popAll, this.popLast, this.popRecent, this.buyers, this.repeatBuyers, this.selfNextDen, this.selfNextNum, this.gapSum, this.gapCount, this.rankAll, this.rankLast, this.byLast, this.byAll, ...Object.values(this.scratch)];
    let bytes = arrays.reduce((s, a) => s + a.byteLength, 0) + listBytes(this.cooc) + listBytes(this.trans);
    // Item id strings and the id → index map: roughly 2 bytes a character plus ~60 bytes of overhead each.
    for (const id of this.itemIds) bytes += 2 * id.length + 60;
    return { items: this.itemIds.length, customers: this.nCustomers, baskets: this.nBaskets, bytes, memoryMb: Math.round((bytes / 1048576) * 100) / 100 };
  }
}
