import * as ort from 'onnxruntime-node';
import { FEATURE_COUNT } from '../features/index.js';

/** Scores feature rows with an ONNX model in onnxruntime, the same runtime the server uses. */
export class OnnxScorer {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async fromBytes(bytes: Uint8Array): Promise<OnnxScorer> {
    return new OnnxScorer(await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 }));
  }

  async score(features: Float32Array, rows: number): Promise<Float32Array> {
    if (rows === 0) return new Float32Array(0);
    const out = await this.session.run({ input: new ort.Tensor('float32', features, [rows, FEATURE_COUNT]) });
    return out.score!.data as Float32Array;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
