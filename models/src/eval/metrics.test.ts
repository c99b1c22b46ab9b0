import { describe, expect, it } from 'vitest';
import { userMetrics } from './metrics.js';
import { gpTopFreq, gpTopFreqPopTies, pTopFreq } from './baselines.js';
import { groupSizes, tifuUserVector } from './tifu-knn.js';

describe('userMetrics', () => {
  it('matches a hand computation', () => {
    // target {a,b,c}; hits at ranks 1 and 3 in the top 10, and rank 12 in the top 20.
    const ranked = ['a', 'x', 'b', 'y', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8', 'c'];
    const m = userMetrics(ranked, ['a', 'b', 'c']);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(m['recall@10']).toBeCloseTo(2 / 3, 10);
    expect(m['recall@20']).toBe(1);
    expect(m['ndcg@10']).toBeCloseTo((1 + 1 / Math.log2(4)) / idcg, 10);
    expect(m['ndcg@20']).toBeCloseTo((1 + 1 / Math.log2(4) + 1 / Math.log2(13)) / idcg, 10);
    expect(m['phr@10']).toBe(1);
  });

  it('normalises NDCG over the whole target, not min(|target|, K)', () => {
    const target = Array.from({ length: 15 }, (_, i) => `t${i}`);
    const m = userMetrics(target.slice(0, 10), target);
    expect(m['ndcg@10']).toBeLessThan(1);
    expect(m['recall@10']).toBeCloseTo(10 / 15, 10);
  });

  it('scores a miss as zero', () => {
    expect(userMetrics(['x'], ['a'])).toMatchObject({ 'recall@10': 0, 'ndcg@10': 0, 'phr@10': 0 });
  });
});

describe('baselines', () => {
  const history = [['b', 'a'], ['c', 'a'], ['c', 'd']];
  it('P-TopFreq breaks ties by first-seen order, GP pads with popularity', () => {
    expect(pTopFreq(history)).toEqual(['a', 'c', 'b', 'd']);
    expect(gpTopFreq(history, ['z', 'a', 'y'], 6)).toEqual(['a', 'c', 'b', 'd', 'z', 'y']);
  });
  it('the popularity tie-break orders equal counts by popularity rank', () => {
    const pop = ['d', 'c', 'b', 'a'];
    expect(gpTopFreqPopTies(history, new Map(pop.map((id, r) => [id, r])), pop, 4)).toEqual(['c', 'a', 'd', 'b']);
  });
});

describe('TIFU-KNN user vectors', () => {
  it('groups baskets with the larger groups last', () => {
    expect(groupSizes(3, 7)).toEqual([1, 1, 1]);
    expect(groupSizes(9, 7)).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });
  it('weights baskets and groups as the README describes', () => {
    const v = tifuUserVector([['a'], ['b']]);
    // two groups: g=0 weight 0.7^6, g=1 weight 0.7^5, each / 2 groups; basket a also 0.9^1.
    expect(v.get('a')).toBeCloseTo((0.9 * 0.7 ** 6) / 2, 12);
    expect(v.get('b')).toBeCloseTo(0.7 ** 5 / 2, 12);
  });
});
