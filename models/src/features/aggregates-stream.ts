import { StoreAggregates, type AggregateBasket, type AggregateOptions } from './aggregates.js';
import { buildNeighbourLists, type NeighbourLists } from './sparse-lists.js';

// Must match aggregates.ts (the equality test in aggregates-stream.test.ts checks they do).
const RECENT_DECAY = 0.5;
const RECENT_DEPTH = 4;

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
  push(v: number): void {
    this.ensure(this.length + 1);
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
const floats = (n = 1024) => new Grow(new Float32Array(n), (k) => new Float32Array(k));
const ints = (n = 1024) => new Grow(new Int32Array(n), (k) => new Int32Array(k));

/**
 * Builds StoreAggregates from baskets streamed customer by customer, holding one customer's
 * baskets at a time plus the O(items) counters and the bounded pair-count input (each
 * customer's latest `pairBasketsPerCustomer` baskets) — never the whole history. It gives
 * exactly what `StoreAggregates.build` gives on the same baskets in the same order (same item
 * numbering, same float sums in the same order, same pair lists): the equality test holds it
 * to that. Baskets must arrive grouped by customer (a customer's baskets in any order).
 *
 * A new field of StoreAggregates needs its accumulation here too: per item and additive over
 * customers → a Grow column updated in `addCustomer`; from the pair-count input → computed in
 * `finish` like cooc/trans; then passed to the constructor in `finish`.
 */
export class StreamingAggregatesBuilder {
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
  private readonly perCustomer = ints();
  private readonly selfNextDen = floats();
  private readonly selfNextNum = floats();
  private readonly gapSum = floats();
  private readonly gapCount = floats();
  /** Per item, within the current customer: last basket position + 1 (0 = not yet), and "in basket pos+1" marks as pos + 2. */
  private readonly lastPos = ints();
  private readonly inNext = ints();
  private allGaps = 0;
  private allGapCount = 0;
  private readonly flat = ints(1 << 16);
  private readonly starts = ints();
  private readonly nextOf = ints();
  private recentMass = 0;
  private nCustomers = 0;
  private nBaskets = 0;
  private current: string | undefined;
  private pending: { t: number; items: Int32Array }[] = [];
  private readonly done = new Set<string>();

  constructor(opts: AggregateOptions = {}) {
    this.topN = opts.topN ?? 30;
    this.pairBaskets = opts.pairBasketsPerCustomer ?? 50;
    this.pairItems = opts.pairItemsPerBasket ?? 40;
  }

  /** Adds one basket; baskets of one customer must come together. */
  add(b: AggregateBasket): void {
    if (b.customerId !== this.current) {
      this.flushCustomer();
      if (this.done.has(b.customerId)) throw new Error(`baskets of customer '${b.customerId}' are not together; the streaming aggregates need them grouped by customer`);
      this.current = b.customerId;
    }
    // Items are numbered as they are first seen, as the batch build does.
    const ids: number[] = [];
    for (const id of b.items) {
      let k = this.index.get(id);
      if (k === undefined) {
        k = this.itemIds.length;
        this.index.set(id, k);
        this.itemIds.push(id);
      }
      if (!ids.includes(k)) ids.push(k);
    }
    if (ids.length === 0) return;
    this.nBaskets++;
    this.pending.push({ t: b.t, items: Int32Array.from(ids) });
  }

  /** The per-customer part of the batch build, for the customer just completed. */
  private flushCustomer(): void {
    if (this.current === undefined) return;
    this.done.add(this.current);
    this.current = undefined;
    const list = this.pending;
    this.pending = [];
    if (list.length === 0) return;
    this.nCustomers++;
    const n = this.itemIds.length;
    for (const col of [this.popAll, this.popLast, this.popRecent, this.buyers, this.repeatBuyers, this.perCustomer, this.selfNextDen, this.selfNextNum, this.gapSum, this.gapCount, this.lastPos, this.inNext]) {
      col.ensure(n);
      col.length = n;
    }
    const popAll = this.popAll.data, popLast = this.popLast.data, popRecent = this.popRecent.data;
    const perCustomer = this.perCustomer.data;
    const selfNextDen = this.selfNextDen.data, selfNextNum = this.selfNextNum.data, gapSum = this.gapSum.data, gapCount = this.gapCount.data;
    const lastPos = this.lastPos.data, inNext = this.inNext.data;
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
    });
    const buyers = this.buyers.data, repeatBuyers = this.repeatBuyers.data;
    for (const i of touched) {
      buyers[i]!++;
      if (perCustomer[i]! > 1) repeatBuyers[i]!++;
      perCustomer[i] = 0;
      lastPos[i] = 0;
      inNext[i] = 0;
    }
    const recent = list.slice(-this.pairBaskets);
    recent.forEach((basket, pos) => {
      this.starts.push(this.flat.length);
      this.nextOf.push(pos < recent.length - 1 ? this.starts.length : -1);
      const items = basket.items.length > this.pairItems ? basket.items.subarray(0, this.pairItems) : basket.items;
      this.flat.ensure(this.flat.length + items.length);
      for (const i of items) this.flat.data[this.flat.length++] = i;
    });
  }

  /** Completes the build: pair lists and rankings as in the batch build. */
  finish(): StoreAggregates {
    this.flushCustomer();
    const n = this.itemIds.length;
    const column = (g: Grow<Float32Array>) => {
      g.ensure(n);
      return g.data.slice(0, n);
    };
    const popAll = column(this.popAll), popLast = column(this.popLast), popRecent = column(this.popRecent);
    const buyers = column(this.buyers), repeatBuyers = column(this.repeatBuyers);
    const selfNextDen = column(this.selfNextDen), selfNextNum = column(this.selfNextNum), gapSum = column(this.gapSum), gapCount = column(this.gapCount);
    const meanGap = this.allGapCount > 0 ? this.allGaps / this.allGapCount : 1;
    this.starts.push(this.flat.length);
    const flat = this.flat.view(), starts = this.starts.view(), nextOf = this.nextOf.view();
    // item → baskets containing it (CSR), for the pair counts.
    const postCount = new Int32Array(n + 1);
    for (const i of flat) postCount[i + 1]!++;
    for (let i = 0; i < n; i++) postCount[i + 1]! += postCount[i]!;
    const postings = new Int32Array(flat.length);
    const fill = postCount.slice(0, n);
    for (let b = 0; b + 1 < starts.length; b++) for (let x = starts[b]!; x < starts[b + 1]!; x++) postings[fill[flat[x]!]!++] = b;
    const cooc = drain(buildNeighbourLists(n, this.topN, flat, (j, emit) => {
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) emit(starts[postings[p]!]!, starts[postings[p]! + 1]!);
      return postCount[j + 1]! - postCount[j]!;
    }));
    const trans = drain(buildNeighbourLists(n, this.topN, flat, (j, emit) => {
      let events = 0;
      for (let p = postCount[j]!; p < postCount[j + 1]!; p++) {
        const next = nextOf[postings[p]!]!;
        if (next < 0) continue;
        events++;
        emit(starts[next]!, starts[next + 1]!);
      }
      return events;
    }));
    const keys = () => Int32Array.from({ length: n }, (_, k) => k);
    const byAll = keys().sort((a, b) => popAll[b]! - popAll[a]! || a - b);
    const byLast = keys().sort((a, b) => popLast[b]! - popLast[a]! || popAll[b]! - popAll[a]! || a - b);
    const rankAll = new Int32Array(n), rankLast = new Int32Array(n);
    byAll.forEach((i, r) => (rankAll[i] = r));
    byLast.forEach((i, r) => (rankLast[i] = r));
    // The constructor is private to keep StoreAggregates immutable from the outside; this
    // builder is the one other place allowed to assemble one.
    const Ctor = StoreAggregates as unknown as new (...args: unknown[]) => StoreAggregates;
    return new Ctor(this.itemIds, popAll, popLast, popRecent, buyers, repeatBuyers, selfNextDen, selfNextNum, gapSum, gapCount, rankAll, rankLast, byLast, byAll, cooc, trans, this.nCustomers, this.nBaskets, this.recentMass, meanGap);
  }
}

function drain(steps: Generator<void, NeighbourLists>): NeighbourLists {
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Builds StoreAggregates from a (possibly async) stream of baskets grouped by customer. */
export async function buildAggregatesStream(baskets: AsyncIterable<AggregateBasket> | Iterable<AggregateBasket>, opts: AggregateOptions = {}): Promise<StoreAggregates> {
  const builder = new StreamingAggregatesBuilder(opts);
  for await (const b of baskets) builder.add(b);
  return builder.finish();
}
