import { F, FEATURE_COUNT } from '../features/contract.js';
import { gpTieWeights } from './gp-tie.js';
import { subsetExamples, type ExampleSet } from '../eval/examples.js';
import type { RankerWeights } from './mlp.js';
import { candidateNdcg10PerUser, trainRanker, type TrainOptions, type TrainResult } from './train-ranker.js';

/** Below this many validation users the MLP-vs-baseline choice also uses out-of-fold train users. */
const MIN_SELECTION_USERS = 1000;

export interface Selection {
  kind: 'mlp' | 'gp-tie';
  weights: RankerWeights;
  trained: TrainResult;
  /** NDCG@10 over candidates of both contenders on the held-out users, and the paired standard error. */
  selection: { users: number; mlp: number; gpTie: number; se: number };
}

function gpTieNdcg(set: ExampleSet): Float64Array {
  const rows = set.users.length * set.maxCandidates;
  const gp = new Float32Array(rows);
  for (let r = 0; r < rows; r++) gp[r] = set.features[r * FEATURE_COUNT + F.gp_tie_score]!;
  return candidateNdcg10PerUser(set, gp);
}

/**
 * Trains the MLP on all train users, then keeps it only if it ranks significantly better
 * (mean paired gain > 2 standard errors) than GP-TopFreq with popularity ties
 * (gp_tie_score alone) on held-out users; otherwise that baseline is exported as the model:
 * prefer the simple model unless the learned one clearly wins. On small data the validation
 * users alone are too few to tell, so two extra trainings on halves of the train users add
 * out-of-fold users to the comparison.
 */
export async function trainAndSelect(train: ExampleSet, val: ExampleSet, opts: TrainOptions): Promise<Selection> {
  const trained = await trainRanker(train, val, opts);
  const mlp: number[] = [...candidateNdcg10PerUser(val, trained.ranker.predict(val.features, val.users.length * val.maxCandidates))];
  const gp: number[] = [...gpTieNdcg(val)];
  if (val.users.length < MIN_SELECTION_USERS && train.users.length >= 4) {
    for (let half = 0; half < 2; half++) {
      const fit = subsetExamples(train, train.users.map((_, r) => r).filter((r) => r % 2 !== half));
      const held = subsetExamples(train, train.users.map((_, r) => r).filter((r) => r % 2 === half));
      const partial = await trainRanker(fit, val, { ...opts, progress: false });
      mlp.push(...candidateNdcg10PerUser(held, partial.ranker.predict(held.features, held.users.length * held.maxCandidates)));
      partial.ranker.dispose();
      gp.push(...gpTieNdcg(held));
    }
  }
  const n = mlp.length;
  const diff = mlp.map((v, u) => v - gp[u]!);
  const mean = diff.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const sd = Math.sqrt(diff.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const se = sd / Math.sqrt(Math.max(1, n));
  const avg = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
  const selection = { users: n, mlp: avg(mlp), gpTie: avg(gp), se };
  return mean > 2 * se
    ? { kind: 'mlp', weights: trained.weights, trained, selection }
    : { kind: 'gp-tie', weights: gpTieWeights(), trained, selection };
}
