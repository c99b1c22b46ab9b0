import { F, FEATURE_COUNT, type FeatureName } from '../features/contract.js';
import type { RankerWeights } from './mlp.js';

/**
 * The simple baselines that can be exported as a model: linear scorers over the features
 * (one ONNX Gemm), so the training-time selection can fall back to whichever of them wins on
 * held-out users. TIFU-KNN's neighbour part needs other users' vectors at serving time and
 * is not expressible over the candidate features; the edge server's store gate compares
 * against it directly.
 */
export const BASELINE_RANKERS = {
  /** GP-TopFreq with popularity ties: own count, then all-time popularity. */
  'gp-tie': { gp_tie_score: 1 },
  /** G-TopFreq: all-time popularity (rank, lower is better). */
  'g-topfreq': { pop_rank_all_log: -1 },
  /** Popularity in customers' latest baskets (what drifting stores reward). */
  'pop-last': { pop_rank_last_log: -1 },
  /** TIFU-KNN's own part (recency-weighted own vector), ties by latest-basket popularity. */
  'tifu-own': { tifu_own: 1e3, pop_rank_last_log: -1e-3 },
} as const satisfies Record<string, Partial<Record<FeatureName, number>>>;

export type BaselineRanker = keyof typeof BASELINE_RANKERS;
export const BASELINE_NAMES = Object.keys(BASELINE_RANKERS) as BaselineRanker[];

export function baselineWeights(name: BaselineRanker): RankerWeights {
  const w = new Float32Array(FEATURE_COUNT);
  for (const [feature, weight] of Object.entries(BASELINE_RANKERS[name])) w[F[feature as FeatureName]] = weight;
  return {
    mean: new Float32Array(FEATURE_COUNT),
    std: new Float32Array(FEATURE_COUNT).fill(1),
    layers: [{ inDim: FEATURE_COUNT, outDim: 1, w, b: new Float32Array(1) }],
  };
}

/** Scores of a baseline on an example set's rows (the same arithmetic as its ONNX export). */
export function baselineScores(name: BaselineRanker, features: Float32Array, rows: number): Float32Array {
  const out = new Float32Array(rows);
  const terms = Object.entries(BASELINE_RANKERS[name]).map(([f, w]) => [F[f as FeatureName], w] as const);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (const [f, w] of terms) s += w * features[r * FEATURE_COUNT + f]!;
    out[r] = s;
  }
  return out;
}
