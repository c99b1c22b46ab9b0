import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, StoreAggregates } from '../features/index.js';
import { aggregateBaskets, buildExamples, buildTrainExamples } from '../eval/examples.js';
import { syntheticDataset } from '../features/test-store.js';
import { trainRanker, TRAIN_DEFAULTS } from './train-ranker.js';
import { exportOnnx } from './onnx-export.js';
import { OnnxScorer } from './onnx-scorer.js';
import { gpTieWeights } from './gp-tie.js';
import { F } from '../features/contract.js';

describe('ONNX export', () => {
  it('scores the same rows as the trained tfjs model, in onnxruntime', async () => {
    const ds = syntheticDataset(80);
    const train = buildTrainExamples(ds, 2, 30);
    const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
    const val = buildExamples(ds.val.map((id) => ds.users.get(id)!), () => full, 30);
    const trained = await trainRanker(train, val, { ...TRAIN_DEFAULTS, epochs: 2, batchUsers: 16, listSize: 16, progress: false });
    const rows = 200;
    const x = train.features.subarray(0, rows * FEATURE_COUNT);
    const expected = trained.ranker.predict(x, rows);
    const scorer = await OnnxScorer.fromBytes(exportOnnx(trained.weights, 'test'));
    const got = await scorer.score(x, rows);
    await scorer.close();
    trained.ranker.dispose();
    expect(got).toHaveLength(rows);
    let maxDiff = 0;
    for (let r = 0; r < rows; r++) maxDiff = Math.max(maxDiff, Math.abs(got[r]! - expected[r]!));
    expect(maxDiff).toBeLessThan(1e-4);
    expect(new Set(Array.from(expected)).size).toBeGreaterThan(10); // a real, non-constant model
    // Trained with a fixed seed: training again gives the same weights.
    const again = await trainRanker(train, val, { ...TRAIN_DEFAULTS, epochs: 2, batchUsers: 16, listSize: 16, progress: false });
    expect(Array.from(again.weights.layers[0]!.w)).toEqual(Array.from(trained.weights.layers[0]!.w));
    again.ranker.dispose();
  }, 60_000);

  it('exports the GP-TopFreq selector as a one-layer model that returns gp_tie_score', async () => {
    const scorer = await OnnxScorer.fromBytes(exportOnnx(gpTieWeights(), 'gp'));
    const x = new Float32Array(2 * FEATURE_COUNT).fill(5);
    x[F.gp_tie_score] = 3.25;
    x[FEATURE_COUNT + F.gp_tie_score] = 0.5;
    expect(Array.from(await scorer.score(x, 2))).toEqual([3.25, 0.5]);
    await scorer.close();
  });
});
