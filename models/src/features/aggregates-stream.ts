import { StoreAggregates, type AggregateBasket, type AggregateOptions } from './aggregates.js';
import { AggregatesAccumulator, type NumberedBasket } from './aggregates-accumulator.js';

/**
 * Builds StoreAggregates from baskets streamed customer by customer, holding one customer's
 * baskets at a time plus the accumulator's O(items) counters and bounded pair-count input —
 * never the whole history. It runs the same code as `StoreAggregates.build`
 * (`AggregatesAccumulator`), so on the same baskets in the same order it gives exactly the same
 * aggregates (the equality test in aggregates-stream.test.ts holds it to that). Baskets must
 * arrive grouped by customer (a customer's baskets in any order).
 */
export class StreamingAggregatesBuilder {
  private readonly acc: AggregatesAccumulator;
  private current: string | undefined;
  private pending: NumberedBasket[] = [];
  private readonly done = new Set<string>();

  constructor(opts: AggregateOptions = {}) {
    this.acc = new AggregatesAccumulator(opts);
  }

  /** Adds one basket; baskets of one customer must come together. */
  add(b: AggregateBasket): void {
    if (b.customerId !== this.current) {
      this.flushCustomer();
      if (this.done.has(b.customerId)) throw new Error(`baskets of customer '${b.customerId}' are not together; the streaming aggregates need them grouped by customer`);
      this.current = b.customerId;
    }
    // Items are numbered as they are first seen, as the batch build does.
    const items = this.acc.numberItems(b.items);
    if (items) this.pending.push({ t: b.t, items });
  }

  /** Hands the customer just completed to the accumulator. */
  private flushCustomer(): void {
    if (this.current === undefined) return;
    this.done.add(this.current);
    this.current = undefined;
    this.acc.addCustomer(this.pending);
    this.pending = [];
  }

  /** Completes the build: pair lists and rankings as in the batch build. */
  finish(): StoreAggregates {
    this.flushCustomer();
    return StoreAggregates.fromAccumulator(this.acc);
  }
}

/** Builds StoreAggregates from a (possibly async) stream of baskets grouped by customer. */
export async function buildAggregatesStream(baskets: AsyncIterable<AggregateBasket> | Iterable<AggregateBasket>, opts: AggregateOptions = {}): Promise<StoreAggregates> {
  const builder = new StreamingAggregatesBuilder(opts);
  for await (const b of baskets) builder.add(b);
  return builder.finish();
}
