import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, StoreAggregates, buildCandidateFeatures } from '../features/index.js';
import { aggregateBaskets, buildExamples } from '../eval/examples.js';
import { syntheticDataset } from '../features/test-store.js';
import { exportOnnx } from './onnx-export.js';
import { OnnxScorer } from './onnx-scorer.js';
import { baselineScores, baselineWeights, BASELINE_NAMES } from './baseline-rankers.js';
import { trainAndSelect } from './select.js';
import { TRAIN_DEFAULTS } from './train-ranker.js';
import { historyOf } from '../eval/examples.js';

describe('exportable baselines', () => {
  it('score the same through ONNX as in training-time selection', async () => {
    const ds = syntheticDataset(40, 30);
    const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
    const { features, candidates } = buildCandidateFeatures(historyOf(ds.users.get(ds.test[0]!)!), agg, { maxCandidates: 30 });
    for (const name of BASELINE_NAMES) {
      const scorer = await OnnxScorer.fromBytes(exportOnnx(baselineWeights(name), name));
      const onnx = await scorer.score(features, candidates.length);
      await scorer.close();
      const mine = baselineScores(name, features, candidates.length);
      for (let k = 0; k < candidates.length; k++) expect(onnx[k]).toBeCloseTo(mine[k]!, 3);
    }
    expect(features.length).toBe(candidates.length * FEATURE_COUNT);
  });

  it('the selection reports every baseline and exports the strongest one unless the MLP clearly wins', async () => {
    const ds = syntheticDataset(60, 40);
    const agg = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
    const users = (ids: string[]) => ids.map((id) => ds.users.get(id)!);
    const train = buildExamples(users(ds.train), () => agg, 30);
    const val = buildExamples(users(ds.val), () => agg, 30);
    // One epoch on 43 users: the MLP cannot be significantly better, so a baseline is exported.
    const chosen = await trainAndSelect(train, val, { ...TRAIN_DEFAULTS, hidden: [8], epochs: 1, progress: false });
    chosen.trained.ranker.dispose();
    expect(Object.keys(chosen.selection.baselines).sort()).toEqual([...BASELINE_NAMES].sort());
    const best = Math.max(...Object.values(chosen.selection.baselines));
    expect(chosen.selection.baselines[chosen.selection.best]).toBe(best);
    if (chosen.kind !== 'mlp') {
      expect(chosen.kind).toBe(chosen.selection.best);
      expect(chosen.weights).toEqual(baselineWeights(chosen.selection.best));
    }
  }, 120_000);
});
