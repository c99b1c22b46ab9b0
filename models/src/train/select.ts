import { F, FEATURE_COUNT } from '../features/contract.js';
import type { ExampleSet } from '../eval/examples.js';
import type { RankerWeights } from './mlp.js';
import { candidateNdcg10, type TrainResult } from './train-ranker.js';

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

export interface Selection {
  kind: 'mlp' | 'gp-tie';
  weights: RankerWeights;
  valNdcg10: { mlp: number; gpTie: number };
}

export function selectRanker(trained: TrainResult, val: ExampleSet): Selection {
  const rows = val.users.length * val.maxCandidates;
  const gp = new Float32Array(rows);
  for (let r = 0; r < rows; r++) gp[r] = val.features[r * FEATURE_COUNT + F.gp_tie_score]!;
  const gpTie = candidateNdcg10(val, gp);
  const mlp = trained.valNdcg10;
  return mlp >= gpTie ? { kind: 'mlp', weights: trained.weights, valNdcg10: { mlp, gpTie } } : { kind: 'gp-tie', weights: gpTieWeights(), valNdcg10: { mlp, gpTie } };
}
