import { describe, expect, it } from 'vitest';
import { buildCandidateFeatures, StoreAggregates } from '../features/index.js';
import { F, FEATURE_COUNT } from '../features/contract.js';
import { aggregateBaskets, historyOf } from '../eval/examples.js';
import { gpTopFreqPopTies } from '../eval/baselines.js';
import { syntheticDataset } from '../features/test-store.js';

describe('gp_tie_score', () => {
  it('orders candidates exactly like GP-TopFreq with popularity ties, so the fallback model equals the baseline', () => {
    const ds = syntheticDataset(60, 40);
    const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
    const popRanking = Array.from(agg.byAll, (i) => agg.itemIds[i]!);
    const popRank = new Map(popRanking.map((id, r) => [id, r]));
    for (const id of ds.test) {
      const u = ds.users.get(id)!;
      const { candidates, features } = buildCandidateFeatures(historyOf(u), agg, { maxCandidates: 40 });
      const byScore = candidates
        .map((c, k) => ({ c, s: features[k * FEATURE_COUNT + F.gp_tie_score]! }))
        .sort((a, b) => b.s - a.s)
        .map((x) => x.c);
      expect(byScore.slice(0, 20)).toEqual(gpTopFreqPopTies(u.history, popRank, popRanking, 20));
    }
  });
});
