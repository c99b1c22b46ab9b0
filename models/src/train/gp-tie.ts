import { F, FEATURE_COUNT } from '../features/contract.js';
import type { RankerWeights } from './mlp.js';

/**
 * A one-layer "model" that scores by gp_tie_score alone, i.e. GP-TopFreq with popularity
 * ties. Where personal history carries little signal (small or fragmentary data) the MLP
 * can lose to it on validation; then this is what gets exported, so the served model is
 * never worse than the strongest simple baseline on held-out users.
 */
export function gpTieWeights(): RankerWeights {
  const w = new Float32Array(FEATURE_COUNT);
  w[F.gp_tie_score] = 1;
  return {
    mean: new Float32Array(FEATURE_COUNT),
    std: new Float32Array(FEATURE_COUNT).fill(1),
    layers: [{ inDim: FEATURE_COUNT, outDim: 1, w, b: new Float32Array(1) }],
  };
}
