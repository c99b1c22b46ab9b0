import { describe, expect, it } from 'vitest';
import { repeatExploreRecall } from './repeat-explore.js';
import { meanSe, summariseMethods, type UserRow } from './summary.js';
import { userMetrics } from './metrics.js';

describe('repeat and explore recall', () => {
  it('splits the target into items bought before and new items', () => {
    // target: a, b bought before; c, d, e new. Top 10 hits a, c.
    const r = repeatExploreRecall(['a', 'x', 'c'], ['a', 'b', 'c', 'd', 'e'], [['a', 'z'], ['b']]);
    expect(r['rep_recall@10']).toBeCloseTo(1 / 2);
    expect(r['expl_recall@10']).toBeCloseTo(1 / 3);
  });

  it('leaves a part out (NaN) when the target has none of it', () => {
    const r = repeatExploreRecall(['a'], ['a'], [['a']]);
    expect(r['rep_recall@10']).toBe(1);
    expect(r['expl_recall@10']).toBeNaN();
    expect(meanSe([1, NaN, 0])).toMatchObject({ mean: 0.5, n: 2 });
  });
});

describe('paired summary', () => {
  it('gives the mean paired difference and its standard error against the reference', () => {
    const row = (ranked: string[], target: string[]): UserRow => ({ ...userMetrics(ranked, target), ...repeatExploreRecall(ranked, target, []) });
    const split = {
      ref: [row(['a'], ['a']), row(['b'], ['b']), row(['x'], ['c'])],
      other: [row(['x'], ['a']), row(['b'], ['b']), row(['x'], ['c'])],
    };
    const s = summariseMethods([split], ['ref', 'other'], 'ref');
    expect(s.other['recall@10']).toBeCloseTo(1 / 3);
    expect(s.other.paired['recall@10'].mean).toBeCloseTo(1 / 3);
    // differences 1, 0, 0: sd = sqrt(1/3), se = sd / sqrt(3) = 1/3
    expect(s.other.paired['recall@10'].se).toBeCloseTo(1 / 3);
    expect(s.ref.paired['recall@10']).toEqual({ mean: 0, se: 0 });
    expect(s.other['expl_recall@10']).toBeCloseTo(1 / 3);
  });
});
