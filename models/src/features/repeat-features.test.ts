import { describe, expect, it } from 'vitest';
import { buildCandidateFeatures, FEATURE_COUNT, StoreAggregates } from './index.js';
import { F } from './contract.js';
import { tifuUserVector } from '../eval/tifu-knn.js';

const row = (f: Float32Array, r: number) => Array.from(f.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT));

describe('repeat-cycle aggregates (f2)', () => {
  // a buys milk every basket; b buys milk every other basket; tea never repeats.
  const agg = StoreAggregates.build([
    { customerId: 'a', basketId: '1', t: 1, items: ['milk', 'tea'] },
    { customerId: 'a', basketId: '2', t: 2, items: ['milk'] },
    { customerId: 'a', basketId: '3', t: 3, items: ['milk', 'jam'] },
    { customerId: 'b', basketId: '1', t: 1, items: ['milk'] },
    { customerId: 'b', basketId: '2', t: 2, items: ['jam'] },
    { customerId: 'b', basketId: '3', t: 3, items: ['milk'] },
  ]);
  const i = (id: string) => agg.index.get(id)!;

  it('counts self-transitions and repeat gaps per item', () => {
    // milk is followed by a next basket 3 times (a1, a2, b1); the next basket repeats it twice.
    expect([agg.selfNextDen[i('milk')], agg.selfNextNum[i('milk')]]).toEqual([3, 2]);
    expect([agg.selfNextDen[i('tea')], agg.selfNextNum[i('tea')]]).toEqual([1, 0]);
    // milk's gaps: a 1, 1; b 2 → sum 4 over 3 repeats; jam bought once per customer: no gaps.
    expect([agg.gapSum[i('milk')], agg.gapCount[i('milk')]]).toEqual([4, 3]);
    expect(agg.gapCount[i('jam')]).toBe(0);
    expect(agg.meanGap).toBeCloseTo(4 / 3);
  });

  it('turns them into cycle features of a customer', () => {
    const history = [{ t: 1, items: ['milk'] }, { t: 2, items: ['jam'] }, { t: 3, items: ['milk'] }, { t: 4, items: ['tea'] }, { t: 5, items: ['tea'] }];
    const { candidates, features } = buildCandidateFeatures(history, agg, { maxCandidates: 10 });
    const milk = row(features, candidates.indexOf('milk'));
    // milk: bought at baskets 0 and 2 of 5 (own gap 2); the target is 3 baskets after the last one.
    expect(milk[F.own_cycle_ratio]).toBeCloseTo(Math.log1p(3 / 2));
    const itemCycle = (4 + 2 * (4 / 3)) / (3 + 2);
    expect(milk[F.item_cycle_ratio]).toBeCloseTo(Math.log1p(3 / itemCycle), 5);
    expect(milk[F.item_cycle_log]).toBeCloseTo(Math.log1p(itemCycle), 5);
    expect(milk[F.item_self_next]).toBeCloseTo(3 / 5);
    const jam = row(features, candidates.indexOf('jam'));
    expect(jam[F.own_cycle_ratio]).toBe(0); // bought once: no own cycle yet
  });

  it("carries TIFU-KNN's own user-vector weight exactly", () => {
    const baskets = Array.from({ length: 11 }, (_, j) => (j % 3 === 0 ? ['milk', 'tea'] : ['milk']));
    const history = baskets.map((items, t) => ({ t, items }));
    const { candidates, features } = buildCandidateFeatures(history, agg, { maxCandidates: 10 });
    const vector = tifuUserVector(baskets);
    for (const id of ['milk', 'tea']) expect(row(features, candidates.indexOf(id))[F.tifu_own]).toBeCloseTo(vector.get(id)!, 6);
    expect(row(features, candidates.indexOf('jam'))[F.tifu_own]).toBe(0);
  });
});

describe('latest-basket repeat and explore sides (f3)', () => {
  // Latest baskets: a repeats milk and tries jam; b tries milk; c's only basket has milk (nothing before it).
  const agg = StoreAggregates.build([
    { customerId: 'a', basketId: '1', t: 1, items: ['milk', 'tea'] },
    { customerId: 'a', basketId: '2', t: 2, items: ['milk', 'jam'] },
    { customerId: 'b', basketId: '1', t: 1, items: ['tea'] },
    { customerId: 'b', basketId: '2', t: 2, items: ['milk'] },
    { customerId: 'c', basketId: '1', t: 1, items: ['milk'] },
  ]);
  const i = (id: string) => agg.index.get(id)!;

  it('splits latest-basket popularity into new and repeated items', () => {
    expect(agg.popLast[i('milk')]).toBe(3);
    expect(agg.lastNew[i('milk')]).toBe(2); // b's and c's latest baskets; a's repeats it
    expect(agg.priorBuyers[i('milk')]).toBe(1); // only a had milk before their latest basket
    expect([agg.lastNew[i('jam')], agg.priorBuyers[i('jam')]]).toEqual([1, 0]);
    expect([agg.lastNew[i('tea')], agg.priorBuyers[i('tea')], agg.popLast[i('tea')]]).toEqual([0, 2, 0]);
  });

  it('turns them into features', () => {
    const { candidates, features } = buildCandidateFeatures([{ t: 1, items: ['tea'] }], agg, { maxCandidates: 10 });
    const milk = row(features, candidates.indexOf('milk'));
    expect(milk[F.pop_last_new_log]).toBeCloseTo(Math.log(3 / 4), 5);
    expect(milk[F.last_repeat_rate]).toBeCloseTo((1 + 1) / (1 + 2), 5);
    const tea = row(features, candidates.indexOf('tea'));
    expect(tea[F.last_repeat_rate]).toBeCloseTo(1 / 4, 5); // bought before by two, repeated by none
  });
});
