import { AggregatesAccumulator, type AggregateColumns, type NumberedBasket } from './aggregates-accumulator.js';
import { listBytes, type NeighbourLists } from './sparse-lists.js';
import { peerIndexBytes, type PeerIndex } from './peer-index.js';

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
  /** Customers kept as peers for `knn_last_log` (those with the most recent latest baskets). */
  peerCapacity?: number;
}

export interface AggregateStats {
  items: number;
  customers: number;
  baskets: number;
  bytes: number;
  memoryMb: number;
}

/**
 * Store-level aggregates the features need: popularity (all baskets, latest baskets, recent
 * baskets), repeat propensity, per-item repeat cycles (self-transition rate, mean gap between repeat
 * purchases), and sparse top-N co-occurrence / next-basket transition lists.
 * Immutable once built: a refresh builds a new one and swaps the reference.
 */
export class StoreAggregates {
  readonly index: Map<string, number>;
  /** Per-call scratch for feature computation (dense, but O(items), never O(items²)). */
  readonly scratch: { a: Float32Array; b: Float32Array; c: Float32Array; d: Float32Array; e: Float32Array; f: Float32Array; g: Float32Array; h: Float32Array; k: Float32Array; l: Float32Array; m: Float32Array; peerShare: Float32Array; peerDot: Float64Array; last: Int32Array; first: Int32Array; stamp: Int32Array };

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
    /**
     * Per item, over customers' latest baskets (the period the next basket falls in): customers
     * whose latest basket has it as an item new to them, and customers who had bought it before
     * their latest basket (so popLast − lastNew of them repeated it there).
     */
    readonly lastNew: Float32Array,
    readonly priorBuyers: Float32Array,
    readonly rankAll: Int32Array,
    readonly rankLast: Int32Array,
    /** Items by latest-basket popularity (ties: all-basket popularity), most popular first. */
    readonly byLast: Int32Array,
    /** Items by all-basket popularity, most popular first. */
    readonly byAll: Int32Array,
    readonly cooc: NeighbourLists,
    readonly trans: NeighbourLists,
    /** P(i in the customer's latest basket | j in one of their earlier baskets), top-N per j. */
    readonly toLast: NeighbourLists,
    /** Customers' earlier baskets and latest basket: the shopper's nearest peers and what they bought last (`peer-index.ts`). */
    readonly peers: PeerIndex,
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
      k: new Float32Array(n), l: new Float32Array(n), m: new Float32Array(n), peerShare: new Float32Array(n), peerDot: new Float64Array(peers.norms.length),
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

  /**
   * The batch build: numbers items in arrival order and groups baskets by customer (a
   * customer's baskets may come anywhere in the input), then feeds each customer to the same
   * accumulator the streaming builder uses. Yields every 1024 baskets, every 256 customers and
   * inside `finish`, the points where `buildAsync` may let the event loop run.
   */
  private static *steps(baskets: Iterable<AggregateBasket>, opts: AggregateOptions): Generator<void, StoreAggregates> {
    const acc = new AggregatesAccumulator(opts);
    const byCustomer = new Map<string, NumberedBasket[]>();
    let seen = 0;
    for (const b of baskets) {
      if ((seen++ & 1023) === 0) yield;
      const items = acc.numberItems(b.items);
      if (!items) continue;
      const list = byCustomer.get(b.customerId);
      if (list) list.push({ t: b.t, items });
      else byCustomer.set(b.customerId, [{ t: b.t, items }]);
    }
    let customerNo = 0;
    for (const list of byCustomer.values()) {
      if ((++customerNo & 255) === 0) yield;
      acc.addCustomer(list);
    }
    return StoreAggregates.assemble(yield* acc.finish());
  }

  /** Completes a build fed customer by customer (the streaming builder's way in). */
  static fromAccumulator(acc: AggregatesAccumulator): StoreAggregates {
    const steps = acc.finish();
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return StoreAggregates.assemble(r.value);
  }

  /** The one place the positional constructor is called. */
  private static assemble(c: AggregateColumns): StoreAggregates {
    return new StoreAggregates(c.itemIds, c.popAll, c.popLast, c.popRecent, c.buyers, c.repeatBuyers, c.selfNextDen, c.selfNextNum, c.gapSum, c.gapCount, c.lastNew, c.priorBuyers, c.rankAll, c.rankLast, c.byLast, c.byAll, c.cooc, c.trans, c.toLast, c.peers, c.nCustomers, c.nBaskets, c.recentMass, c.meanGap);
  }

  stats(): AggregateStats {
    const arrays = [this.popAll, this.popLast, this.popRecent, this.buyers, this.repeatBuyers, this.selfNextDen, this.selfNextNum, this.gapSum, this.gapCount, this.lastNew, this.priorBuyers, this.rankAll, this.rankLast, this.byLast, this.byAll, ...Object.values(this.scratch)];
    let bytes = arrays.reduce((s, a) => s + a.byteLength, 0) + listBytes(this.cooc) + listBytes(this.trans) + listBytes(this.toLast) + peerIndexBytes(this.peers);
    // Item id strings and the id → index map: roughly 2 bytes a character plus ~60 bytes of overhead each.
    for (const id of this.itemIds) bytes += 2 * id.length + 60;
    return { items: this.itemIds.length, customers: this.nCustomers, baskets: this.nBaskets, bytes, memoryMb: Math.round((bytes / 1048576) * 100) / 100 };
  }
}
