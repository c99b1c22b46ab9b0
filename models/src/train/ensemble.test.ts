import { describe, expect, it } from 'vitest';
import { ensureBackend, MlpRanker } from './mlp.js';
import { mergeEnsemble } from './ensemble.js';
import { exportOnnx } from './onnx-export.js';
import { OnnxScorer } from './onnx-scorer.js';
import { FEATURE_COUNT } from '../features/index.js';
import { seededRandom } from '../data/random.js';

describe('ensemble merge', () => {
  it('scores exactly the mean of its members, in tfjs and through ONNX', async () => {
    await ensureBackend();
    const F = FEATURE_COUNT, rows = 50;
    const rand = seededRandom(5);
    const mean = Float32Array.from({ length: F }, () => rand());
    const std = Float32Array.from({ length: F }, () => 0.5 + rand());
    const members = [1, 2, 3].map((seed) => new MlpRanker(F, [8, 4], mean, std, seed));
    const x = Float32Array.from({ length: rows * F }, () => rand() * 3);
    const expected = new Float32Array(rows);
    for (const m of members) m.predict(x, rows).forEach((v, r) => (expected[r]! += v / members.length));
    const merged = mergeEnsemble(members.map((m) => m.weights()));
    expect(merged.layers.map((l) => [l.inDim, l.outDim])).toEqual([[F, 24], [24, 12], [12, 1]]);
    const wide = new MlpRanker(F, [24, 12], mean, std, 9);
    wide.setWeights(merged);
    const got = wide.predict(x, rows);
    const scorer = await OnnxScorer.fromBytes(exportOnnx(merged, 'ensemble test'));
    const onnx = await scorer.score(x, rows);
    await scorer.close();
    for (let r = 0; r < rows; r++) {
      expect(got[r]).toBeCloseTo(expected[r]!, 4);
      expect(onnx[r]).toBeCloseTo(expected[r]!, 4);
    }
    for (const m of [...members, wide]) m.dispose();
  });
});
