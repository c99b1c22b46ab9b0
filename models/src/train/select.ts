import { F, FEATURE_COUNT } from '../features/contract.js';
import { gpTieWeights } from './gp-tie.js';
import type { ExampleSet } from '../eval/examples.js';
import type { RankerWeights } from './mlp.js';
import { candidateNdcg10, type TrainResult } from './train-ranker.js';

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
