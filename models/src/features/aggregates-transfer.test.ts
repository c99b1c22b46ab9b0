import { describe, expect, it } from 'vitest';
import { buildCandidateFeatures, fallbackScores, popularItems, StoreAggregates, type AggregateBasket } from './index.js';
import { fromTransferable, toTransferable } from './aggregates-transfer.js';
import { syntheticDataset } from './test-store.js';

function storeBaskets(): { baskets: AggregateBasket[]; histories: Map<string, Array<{ t: number; items: string[] }>> } {
  const data = syntheticDataset(80, 50, 7);
  const baskets: AggregateBasket[] = [];
  const histories = new Map<string, Array<{ t: number; items: string[] }>>();
  for (const [id, user] of data.users) {
    const history = user.history.map((items, t) => ({ t, items }));
    histories.set(id, history);
    history.forEach((b, t) => baskets.push({ customerId: id, basketId: `${id}-${t}`, t: b.t, items: b.items }));
  }
  return { baskets, histories };
}

/** What the server derives from aggregates for one shopper: candidates, features, fallback order. */
function rankingOf(agg: StoreAggregates, history: Array<{ t: number; items: string[] }>) {
  const built = buildCandidateFeatures(history, agg, { maxCandidates: 40 });
  const scores = fallbackScores(history, agg, built.candidates);
  return { candidates: built.candidates, features: Array.from(built.features), order: built.candidates.map((id, k) => [id, scores[k]!] as const).sort((a, b) => b[1] - a[1]) };
}

describe('StoreAggregates across threads (toTransferable / fromTransferable)', () => {
  it('a round trip through postMessage with transfer gives identical rankings, features and stats', () => {
    const { baskets, histories } = storeBaskets();
    const original = StoreAggregates.build(baskets, { topN: 8 });
    const expected = [...histories].map(([id, h]) => [id, rankingOf(original, h)] as const);
    const expectedStats = original.stats();
    const expectedPopular = popularItems(original, 15);

    const { payload, transfer } = toTransferable(StoreAggregates.build(baskets, { topN: 8 }));
    const restored = fromTransferable(structuredClone(payload, { transfer }));

    expect(restored).toBeInstanceOf(StoreAggregates);
    expect(restored.stats()).toEqual(expectedStats);
    expect(popularItems(restored, 15)).toEqual(expectedPopular);
    for (const [id, ranking] of expected) expect(rankingOf(restored, histories.get(id)!), id).toEqual(ranking);
  });

  it('moves every typed array (nested lists and fields added later included) instead of copying it', () => {
    const { baskets } = storeBaskets();
    const agg = StoreAggregates.build(baskets);
    // A field another feature might add to StoreAggregates one day: it must move with no change to the transfer code.
    const added = new Float64Array([1.5, 2.5, 3.5]);
    Object.assign(agg, { repeatCycle: added });
    const sent = { popAll: agg.popAll, coocItems: agg.cooc.items, transProbs: agg.trans.probs, scratch: agg.scratch.a };

    const { payload, transfer } = toTransferable(agg);
    const restored = fromTransferable(structuredClone(payload, { transfer }));

    // Transferred buffers are detached on the sending side: proof that nothing was copied.
    for (const [name, view] of Object.entries({ ...sent, added })) expect(view.byteLength, name).toBe(0);
    expect(Array.from((restored as unknown as { repeatCycle: Float64Array }).repeatCycle)).toEqual([1.5, 2.5, 3.5]);
    expect(restored.cooc.items.length).toBeGreaterThan(0);
    expect(restored.index.get(restored.itemIds[3]!)).toBe(3);
  });

  it('refuses a payload that is not aggregates', () => {
    expect(() => fromTransferable({ kind: 'something-else', fields: {} } as never)).toThrow(/not a StoreAggregates payload/);
    expect(() => fromTransferable(null as never)).toThrow(/not a StoreAggregates payload/);
  });
});
