import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { WARM_UP_MODEL, warmUpOnnxRuntime } from './onnx-warm-up.js';

describe('onnxruntime warm-up', () => {
  it('is a ranker-shaped model: input → score, one finite score per row', async () => {
    const session = await ort.InferenceSession.create(WARM_UP_MODEL);
    try {
      expect(session.inputNames).toEqual(['input']);
      expect(session.outputNames).toEqual(['score']);
      const out = await session.run({ input: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2]) });
      expect([...(out.score!.data as Float32Array)]).toEqual([0, 0, 0]);
    } finally {
      await session.release();
    }
  });

  it('runs once per process: every caller shares the one warm-up', async () => {
    const first = warmUpOnnxRuntime();
    expect(warmUpOnnxRuntime()).toBe(first);
    await expect(first).resolves.toBeUndefined();
  });
});
