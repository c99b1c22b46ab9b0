import { describe, expect, it } from 'vitest';
import { gpTopFreqPopTies } from '../eval/baselines.js';
import { StoreAggregates } from './aggregates.js';
import { ownBasketCounts, repeatFirstOrder, repeatFirstScores } from './repeat-first.js';

// Own counts: a ×3, b ×2, c ×1, d ×2; x, y, z are new to the shopper.
const history = [{ items: ['a', 'b', 'd'] }, { items: ['a', 'b', 'c', 'a'] }, { items: ['a', 'd'] }];
const candidates = ['x', 'c', 'b', 'y', 'a', 'd', 'z'];
// The model likes the new items best and demotes the shopper's own ones.
const scores = Float32Array.from([0.9, 0.8, 0.1, 0.7, 0.2, 0.3, 0.7]);
const popOrder = ['z', 'd', 'y', 'b', 'x', 'a', 'c'];
const popRank = (id: string) => (popOrder.includes(id) ? popOrder.indexOf(id) : Infinity);
const names = (order: number[]) => order.map((k) => candidates[k]);

describe('repeatFirstOrder', () => {
  it('counts an item once per basket', () => {
    expect(Object.fromEntries(ownBasketCounts(history))).toEqual({ a: 3, b: 2, c: 1, d: 2 });
  });

  it('c = 1: every own item first by own count, ties by popularity; the new items in model order', () => {
    expect(names(repeatFirstOrder(candidates, scores, ownBasketCounts(history), popRank, { minCount: 1 }))).toEqual(['a', 'd', 'b', 'c', 'x', 'y', 'z']);
  });

  it('c = 2: own items bought once join the model-ordered fill; equal model scores keep candidate order', () => {
    // y and z both score 0.7: y is the earlier candidate.
    expect(names(repeatFirstOrder(candidates, scores, ownBasketCounts(history), popRank, { minCount: 2 }))).toEqual(['a', 'd', 'b', 'x', 'c', 'y', 'z']);
  });

  it('c = ∞ is the model order unchanged', () => {
    expect(names(repeatFirstOrder(candidates, scores, ownBasketCounts(history), popRank, { minCount: Infinity }))).toEqual(['x', 'c', 'y', 'z', 'd', 'a', 'b']);
  });

  it('caps the repeat block: own items beyond the cap are ranked by the model', () => {
    expect(names(repeatFirstOrder(candidates, scores, ownBasketCounts(history), popRank, { minCount: 1, maxRepeat: 2 }))).toEqual(['a', 'd', 'x', 'c', 'y', 'z', 'b']);
  });

  it('with c = 1 the repeat block is exactly GP-TopFreq with popularity ties', () => {
    const ranks = new Map(popOrder.map((id, r) => [id, r]));
    const gp = gpTopFreqPopTies(history.map((b) => [...new Set(b.items)]), ranks, popOrder);
    expect(names(repeatFirstOrder(candidates, scores, ownBasketCounts(history), popRank, { minCount: 1 })).slice(0, 4)).toEqual(gp.slice(0, 4));
  });
});

describe('repeatFirstScores (the server form)', () => {
  it('sorting by the returned scores gives the repeat-first order, ties by store popularity', () => {
    // Popularity: z in 3 baskets, d in 2, b in 2 (d before b by first-seen index), the rest once.
    const agg = StoreAggregates.build([
      { customerId: 'o1', basketId: '1', t: 1, items: ['z', 'd', 'b'] },
      { customerId: 'o2', basketId: '2', t: 2, items: ['z', 'd', 'b', 'y'] },
      { customerId: 'o3', basketId: '3', t: 3, items: ['z', 'x', 'a', 'c'] },
    ]);
    const out = repeatFirstScores(candidates, scores, history, agg, { minCount: 2 });
    const order = candidates.map((_, k) => k).sort((a, b) => out[b]! - out[a]! || a - b);
    const expected = repeatFirstOrder(candidates, scores, ownBasketCounts(history), (id) => agg.rankAll[agg.index.get(id)!]!, { minCount: 2 });
    expect(order).toEqual(expected);
    expect(names(order)[0]).toBe('a');
    expect(new Set(names(order).slice(1, 3))).toEqual(new Set(['d', 'b']));
    // The fill keeps the model's scores.
    expect(out[0]).toBeCloseTo(0.9);
    expect(out[1]).toBeCloseTo(0.8);
  });

  it('leaves the model scores untouched when no own item reaches c', () => {
    const agg = StoreAggregates.build([{ customerId: 'o', basketId: '1', t: 1, items: candidates }]);
    expect([...repeatFirstScores(candidates, scores, history, agg, { minCount: 4 })]).toEqual([...scores]);
  });
});
