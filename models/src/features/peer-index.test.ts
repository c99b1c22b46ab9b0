import { describe, expect, it } from 'vitest';
import { buildCandidateFeatures, FEATURE_COUNT, fromTransferable, StoreAggregates, toTransferable, type AggregateBasket } from './index.js';
import { F } from './contract.js';
import { PEER_NEIGHBOURS } from './peer-index.js';
import { tifuUserVector } from '../eval/tifu-knn.js';

const knnLast = (agg: StoreAggregates, history: string[][], item: string) => {
  const { candidates, features } = buildCandidateFeatures(history.map((items, t) => ({ t, items })), agg, { maxCandidates: 50 });
  const row = candidates.indexOf(item);
  expect(row).toBeGreaterThanOrEqual(0);
  return features[row * FEATURE_COUNT + F.knn_last_log]!;
};

/** `n` customers who bought `earlier` twice, then `latest` on their latest visit. */
function group(prefix: string, n: number, earlier: string[], latest: string[], t0 = 0): AggregateBasket[] {
  return Array.from({ length: n }, (_, c) => [
    { customerId: `${prefix}${c}`, basketId: '1', t: t0 + 1, items: earlier },
    { customerId: `${prefix}${c}`, basketId: '2', t: t0 + 2, items: earlier },
    { customerId: `${prefix}${c}`, basketId: '3', t: t0 + 3, items: latest },
  ]).flat();
}

describe('knn_last_log: what the nearest peers bought on their latest visit (f4)', () => {
  // More peers per group than vote, so the nearest PEER_NEIGHBOURS come from one group only.
  const perGroup = PEER_NEIGHBOURS + 20;
  const agg = StoreAggregates.build([...group('tea-', perGroup, ['tea', 'lemon'], ['honey']), ...group('beer-', perGroup, ['beer', 'chips'], ['salsa'])]);

  it("scores the latest basket of the shoppers whose earlier baskets look like this one's", () => {
    expect(knnLast(agg, [['tea'], ['tea', 'lemon']], 'honey')).toBeCloseTo(Math.log(1.001), 5);
    expect(knnLast(agg, [['tea'], ['tea', 'lemon']], 'salsa')).toBeCloseTo(Math.log(0.001), 5);
    expect(knnLast(agg, [['chips'], ['beer']], 'salsa')).toBeCloseTo(Math.log(1.001), 5);
    expect(knnLast(agg, [['chips'], ['beer']], 'honey')).toBeCloseTo(Math.log(0.001), 5);
  });

  it('gives nothing to a shopper with no history, and leaves its scratch clean for the next one', () => {
    expect(knnLast(agg, [], 'honey')).toBeCloseTo(Math.log(0.001), 5);
    // Same answer twice in a row: the per-call scratch (peer distances, shares) is reset.
    expect(knnLast(agg, [['beer']], 'salsa')).toBe(knnLast(agg, [['beer']], 'salsa'));
    expect(agg.scratch.peerDot.every((v) => v === 0) && agg.scratch.peerShare.every((v) => v === 0)).toBe(true);
  });

  it("keeps each peer's TIFU vector of the baskets before its latest", () => {
    const small = StoreAggregates.build([
      { customerId: 'a', basketId: '1', t: 1, items: ['milk', 'tea'] },
      { customerId: 'a', basketId: '2', t: 2, items: ['milk'] },
      { customerId: 'a', basketId: '3', t: 3, items: ['jam'] },
      { customerId: 'solo', basketId: '1', t: 1, items: ['milk'] }, // one basket: nothing before its latest, not a peer
    ]);
    const p = small.peers;
    expect(p.norms.length).toBe(1);
    const expected = tifuUserVector([['milk', 'tea'], ['milk']]);
    const got = new Map(Array.from(p.vecItems, (i, x) => [small.itemIds[i]!, p.vecWeights[x]!]));
    expect([...got.keys()].sort()).toEqual(['milk', 'tea']);
    for (const [id, w] of expected) expect(got.get(id)).toBeCloseTo(w, 6);
    expect(Array.from(p.lastItems, (i) => small.itemIds[i])).toEqual(['jam']);
  });

  it('past its capacity keeps the customers with the most recent latest baskets', () => {
    const baskets = [...group('old-', 3, ['a'], ['b'], 0), ...group('new-', 2, ['a'], ['c'], 10)];
    const capped = StoreAggregates.build(baskets, { peerCapacity: 2 });
    expect(capped.peers.norms.length).toBe(2);
    expect(Array.from(capped.peers.lastItems, (i) => capped.itemIds[i])).toEqual(['c', 'c']);
    // No peers at all (capacity 0, or a new store whose shoppers have one basket each): the feature is "nobody".
    const none = StoreAggregates.build(baskets, { peerCapacity: 0 });
    expect(none.peers.norms.length).toBe(0);
    expect(knnLast(none, [['a']], 'c')).toBeCloseTo(Math.log(0.001), 5);
    expect(knnLast(capped, [['a']], 'c')).toBeCloseTo(Math.log(1.001), 5);
  });

  it('moves across threads with the rest of the aggregates', () => {
    const copy = fromTransferable(structuredClone(toTransferable(agg).payload));
    expect(knnLast(copy, [['tea', 'lemon']], 'honey')).toBeCloseTo(Math.log(1.001), 5);
  });
});
