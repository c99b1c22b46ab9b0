import { baselineScores, baselineWeights, BASELINE_NAMES, type BaselineRanker } from './baseline-rankers.js';
import { subsetExamples, type ExampleSet } from '../eval/examples.js';
import type { RankerWeights } from './mlp.js';
import { candidateNdcg10PerUser, trainRanker, type TrainOptions, type TrainResult } from './train-ranker.js';

/** Below this many validation users the MLP-vs-baseline choice also uses out-of-fold train users. */
const MIN_SELECTION_USERS = 1000;

export interface Selection {
  kind: 'mlp' | BaselineRanker;
  weights: RankerWeights;
  trained: TrainResult;
  /**
   * NDCG@10 over candidates on the held-out users: the MLP, GP-TopFreq with popularity ties,
   * every exportable baseline, the strongest of them, and the paired standard error of
   * MLP − strongest baseline.
   */
  selection: { users: number; mlp: number; gpTie: number; se: number; best: BaselineRanker; baselines: Record<BaselineRanker, number> };
}

/**
 * Featurises held-out train users the way test users are featurised: against aggregates
 * holding every history and the other train users' targets but none of theirs. (Their own
 * K-fold training rows come from aggregates with a fifth of the targets missing; the model
 * is served on aggregates with all of them, so the selection measures it that way.)
 */
export type HeldOutExamples = (userIds: readonly string[]) => ExampleSet;

const avg = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);

/**
 * Trains the MLP on all train users, then keeps it only if it ranks significantly better
 * (mean paired gain > 2 standard errors) than the strongest exportable baseline
 * (GP-TopFreq with popularity ties, G-TopFreq, latest-basket popularity, TIFU's own vector)
 * on held-out users; otherwise that baseline is exported as the model: prefer the simple
 * model unless the learned one clearly wins. On small data the validation users alone are
 * too few to tell, so two extra trainings on halves of the train users add out-of-fold
 * users to the comparison.
 */
export async function trainAndSelect(train: ExampleSet, val: ExampleSet, opts: TrainOptions, heldOutExamples?: HeldOutExamples): Promise<Selection> {
  const trained = await trainRanker(train, val, opts);
  const mlp: number[] = [...candidateNdcg10PerUser(val, trained.ranker.predict(val.features, val.users.length * val.maxCandidates))];
  const base = Object.fromEntries(BASELINE_NAMES.map((b) => [b, [] as number[]])) as Record<BaselineRanker, number[]>;
  const addBaselines = (set: ExampleSet) => {
    for (const b of BASELINE_NAMES) base[b].push(...candidateNdcg10PerUser(set, baselineScores(b, set.features, set.users.length * set.maxCandidates)));
  };
  addBaselines(val);
  if (val.users.length < MIN_SELECTION_USERS && train.users.length >= 4) {
    for (let half = 0; half < 2; half++) {
      const fit = subsetExamples(train, train.users.map((_, r) => r).filter((r) => r % 2 !== half));
      const heldRows = train.users.map((_, r) => r).filter((r) => r % 2 === half);
      const held = heldOutExamples ? heldOutExamples(heldRows.map((r) => train.users[r]!)) : subsetExamples(train, heldRows);
      const partial = await trainRanker(fit, val, { ...opts, progress: false });
      mlp.push(...candidateNdcg10PerUser(held, partial.ranker.predict(held.features, held.users.length * held.maxCandidates)));
      partial.ranker.dispose();
      addBaselines(held);
    }
  }
  const baselines = Object.fromEntries(BASELINE_NAMES.map((b) => [b, avg(base[b])])) as Record<BaselineRanker, number>;
  // Ties go to the earlier name in BASELINE_NAMES (GP-TopFreq with popularity ties first).
  const best = BASELINE_NAMES.reduce((a, b) => (baselines[b] > baselines[a] ? b : a));
  const n = mlp.length;
  const diff = mlp.map((v, u) => v - base[best][u]!);
  const mean = avg(diff);
  const sd = Math.sqrt(diff.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const se = sd / Math.sqrt(Math.max(1, n));
  const selection = { users: n, mlp: avg(mlp), gpTie: baselines['gp-tie'], se, best, baselines };
  return mean > 2 * se
    ? { kind: 'mlp', weights: trained.weights, trained, selection }
    : { kind: best, weights: baselineWeights(best), trained, selection };
}
