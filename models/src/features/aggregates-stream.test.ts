import { describe, expect, it } from 'vitest';
import { StoreAggregates, type AggregateBasket } from './aggregates.js';
import { buildAggregatesStream, StreamingAggregatesBuilder } from './aggregates-stream.js';
import { syntheticHistory } from '../data/synthetic-history.js';

/** Every field, typed arrays included, compared value by value (a new field is compared too). */
function expectSame(stream: StoreAggregates, batch: StoreAggregates): void {
  expect(Object.keys(stream).sort()).toEqual(Object.keys(batch).sort());
  for (const key of Object.keys(batch) as (keyof StoreAggregates)[]) expect(stream[key], String(key)).toEqual(batch[key]);
}

describe('StreamingAggregatesBuilder', () => {
  const baskets: AggregateBasket[] = [...syntheticHistory({ baskets: 6000, customers: 400, items: 900, seed: 3 })];

  it('gives exactly what StoreAggregates.build gives on the same baskets', async () => {
    expect(baskets.length).toBe(6000);
    const stream = await buildAggregatesStream(baskets);
    expectSame(stream, StoreAggregates.build(baskets));
    expect(stream.stats()).toEqual(StoreAggregates.build(baskets).stats());
    expect(stream.stats().customers).toBe(new Set(baskets.map((b) => b.customerId)).size);
  });

  it('also with the pair-count bounds biting, baskets out of time order within a customer, and empty baskets', async () => {
    const shuffled: AggregateBasket[] = [];
    for (let k = 0; k < baskets.length; k++) {
      const b = baskets[k]!;
      // Reverse each customer's baskets (time order must come from t, not arrival) and empty every 50th.
      shuffled.push({ ...b, items: k % 50 === 0 ? [] : b.items });
    }
    const byCustomer = new Map<string, AggregateBasket[]>();
    for (const b of shuffled) byCustomer.set(b.customerId, [...(byCustomer.get(b.customerId) ?? []), b]);
    const reordered = [...byCustomer.values()].flatMap((list) => list.reverse());
    const opts = { topN: 5, pairBasketsPerCustomer: 3, pairItemsPerBasket: 2 };
    expectSame(await buildAggregatesStream(reordered, opts), StoreAggregates.build(reordered, opts));
  });

  it('reads an async stream and refuses a customer whose baskets are not together', async () => {
    async function* source() {
      yield* baskets.slice(0, 100);
    }
    expectSame(await buildAggregatesStream(source()), StoreAggregates.build(baskets.slice(0, 100)));
    const builder = new StreamingAggregatesBuilder();
    builder.add({ customerId: 'a', basketId: '1', t: 1, items: ['x'] });
    builder.add({ customerId: 'b', basketId: '2', t: 1, items: ['x'] });
    expect(() => builder.add({ customerId: 'a', basketId: '3', t: 2, items: ['y'] })).toThrow(/customer 'a' are not together/);
  });
});
