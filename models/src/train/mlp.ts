import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerTfGradients } from './tf-gradients.js';
import { seededRandom } from '../data/random.js';

/**
 * A small MLP ranker in tfjs: standardisation → dense/ReLU layers → one score. The weights
 * live in tf variables while training and are read back as plain arrays for ONNX export.
 */
export interface DenseLayer {
  inDim: number;
  outDim: number;
  /** Row-major inDim × outDim. */
  w: Float32Array;
  b: Float32Array;
}

export interface RankerWeights {
  mean: Float32Array;
  std: Float32Array;
  layers: DenseLayer[];
}

let backendReady: Promise<boolean> | null = null;
export function ensureBackend(): Promise<boolean> {
  // WebAssembly runs these small dense layers ~6× faster than the plain-JS backend; the CPU
  // backend stays as the fallback where wasm cannot start.
  backendReady ??= registerTfGradients().then(async () => (await tf.setBackend('wasm').catch(() => false)) || tf.setBackend('cpu'));
  return backendReady;
}

export class MlpRanker {
  readonly vars: { w: tf.Variable; b: tf.Variable }[];
  private readonly mean: tf.Tensor;
  private readonly std: tf.Tensor;

  constructor(
    readonly inputDim: number,
    readonly hidden: readonly number[],
    mean: Float32Array,
    std: Float32Array,
    seed: number,
  ) {
    const rand = seededRandom(seed);
    const dims = [inputDim, ...hidden, 1];
    this.vars = dims.slice(0, -1).map((inDim, l) => {
      const outDim = dims[l + 1]!;
      const limit = Math.sqrt(6 / (inDim + outDim)); // Glorot uniform, from our seeded stream
      const w = Float32Array.from({ length: inDim * outDim }, () => (rand() * 2 - 1) * limit);
      return { w: tf.variable(tf.tensor2d(w, [inDim, outDim])), b: tf.variable(tf.zeros([outDim])) };
    });
    this.mean = tf.tensor1d(mean);
    this.std = tf.tensor1d(std);
  }

  /** Raw features [rows, F] → scores [rows, 1]. */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    let h: tf.Tensor2D = tf.div(tf.sub(x, this.mean), this.std);
    this.vars.forEach((v, l) => {
      h = tf.add(tf.matMul(h, v.w as tf.Tensor2D), v.b);
      if (l < this.vars.length - 1) h = tf.relu(h);
    });
    return h;
  }

  predict(features: Float32Array, rows: number): Float32Array {
    return tf.tidy(() => this.forward(tf.tensor2d(features, [rows, this.inputDim])).dataSync() as Float32Array).slice();
  }

  weights(): RankerWeights {
    return {
      mean: this.mean.dataSync() as Float32Array,
      std: this.std.dataSync() as Float32Array,
      layers: this.vars.map((v) => ({
        inDim: v.w.shape[0]!,
        outDim: v.w.shape[1]!,
        w: (v.w.dataSync() as Float32Array).slice(),
        b: (v.b.dataSync() as Float32Array).slice(),
      })),
    };
  }

  setWeights(w: RankerWeights): void {
    w.layers.forEach((l, k) => {
      this.vars[k]!.w.assign(tf.tensor2d(l.w, [l.inDim, l.outDim]));
      this.vars[k]!.b.assign(tf.tensor1d(l.b));
    });
  }

  dispose(): void {
    for (const v of this.vars) {
      v.w.dispose();
      v.b.dispose();
    }
    this.mean.dispose();
    this.std.dispose();
  }
}

/** Mean and standard deviation of each feature over the real (unmasked) rows. */
export function featureMoments(features: Float32Array, mask: Float32Array, F: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float64Array(F), sq = new Float64Array(F);
  let n = 0;
  for (let r = 0; r < mask.length; r++) {
    if (mask[r] === 0) continue;
    n++;
    for (let f = 0; f < F; f++) {
      const v = features[r * F + f]!;
      mean[f]! += v;
      sq[f]! += v * v;
    }
  }
  const m = Float32Array.from(mean, (s) => s / Math.max(1, n));
  const sd = Float32Array.from(sq, (s, f) => Math.sqrt(Math.max(s / Math.max(1, n) - m[f]! ** 2, 0)) || 1);
  return { mean: m, std: sd };
}
