import { StoreAggregates, FEATURE_COUNT } from '../features/index.js';
import type { EvalDataset, SequenceUser } from '../data/types.js';
import { gTopFreq, gpTopFreq, gpTopFreqPopTies, pTopFreq } from './baselines.js';
import { TifuKnn } from './tifu-knn.js';
import { meanMetrics, userMetrics, type MetricRow } from './metrics.js';
import { repeatExploreRecall } from './repeat-explore.js';
import type { UserRow } from './summary.js';
import { aggregateBaskets, buildExamples, buildTrainExamples, candidateRecall, heldOutExamples } from './examples.js';
import { TRAIN_DEFAULTS, type TrainOptions } from '../train/train-ranker.js';
import { exportOnnx } from '../train/onnx-export.js';
import { OnnxScorer } from '../train/onnx-scorer.js';
import { trainAndSelect, type Selection } from '../train/select.js';
import { chooseServed, type ServedChoice } from '../lifecycle/serving-rule.js';
import { DEFAULT_BASELINE, type BaselineName } from '../lifecycle/ranker-choice.js';
import type { ExampleSet } from './examples.js';

/**
 * `Model` is the trained MLP itself (through ONNX, the serving path); `Served` is what a store
 * would serve after its gate (`lifecycle/serving-rule.ts`), decided on the validation users —
 * never on the test users these rows measure.
 */
export const METHODS = ['G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN', 'Model', 'Served'] as const;
export type Method = (typeof METHODS)[number];
const BASELINE_METHODS = ['G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN'] as const satisfies readonly (Method & BaselineName)[];

/** Paired standard errors by which the served ranker must lead (the store gate's default). */
export const SERVE_MARGIN = 2;

export interface EvalOptions {
  maxCandidates: number;
  folds: number;
  /** Targets per train user: the future basket, plus (cuts − 1) of their last history baskets. */
  cuts: number;
  train: TrainOptions;
}
export const EVAL_DEFAULTS: EvalOptions = { maxCandidates: 300, folds: 5, cuts: 1, train: { ...TRAIN_DEFAULTS, epochs: 12, ensemble: 1 } };

export interface SplitResult {
  name: string;
  testUsers: number;
  methods: Record<Method, MetricRow>;
  /** Per test user (same order for every method): the rows behind `methods`, for paired tests and repeat/explore recall. */
  perUser: Record<Method, UserRow[]>;
  /** What the gate chose on the validation users: the exported candidate (`modelKind`) or a named baseline, and why. */
  served: { choice: ServedChoice; reason: string; users: number };
  candidateRecall: number;
  trainSeconds: number;
  bestEpoch: number;
  modelKind: Selection['kind'];
  selection: Selection['selection'];
}

/** Ranking depth every metric needs (@10 and @20). */
export const K = 20;

/** Candidates by score, then the popularity ranking, so every method ranks over all items. */
export function rankCandidates(candidates: readonly string[], scores: Float32Array, popRanking: readonly string[]): string[] {
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const out = order.slice(0, K).map((k) => candidates[k]!);
  const seen = new Set(out);
  for (const id of popRanking) {
    if (out.length >= K) break;
    if (!seen.has(id)) out.push(id);
  }
  return out;
}

/**
 * One split of the protocol: baselines and the model on the same test users. The model is
 * trained on the train users (targets = their future baskets, aggregates K-folded so no user
 * sees their own target), selected on the validation users, exported to ONNX and scored
 * through onnxruntime — the serving path.
 */
export async function evaluateSplit(ds: EvalDataset, opts: EvalOptions = EVAL_DEFAULTS): Promise<SplitResult> {
  const test = ds.test.map((id) => ds.users.get(id)!);
  const val = ds.val.map((id) => ds.users.get(id)!);
  const rows = {} as Record<Method, UserRow[]>;
  const tifu = new TifuKnn(ds.train.map((id) => ds.users.get(id)!.history));
  Object.assign(rows, baselineUserRows(ds, test, tifu));
  const started = Date.now();
  const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const trainSet = buildTrainExamples(ds, opts.folds, opts.maxCandidates, {}, opts.cuts);
  const valSet = buildExamples(val, () => full, opts.maxCandidates);
  const chosen = await trainAndSelect(trainSet, valSet, opts.train, heldOutExamples(ds, ds.train, opts.maxCandidates));
  const trained = chosen.trained;
  trained.ranker.dispose();
  const trainSeconds = (Date.now() - started) / 1000;
  const testSet = buildExamples(test, () => full, opts.maxCandidates);
  // The exported ranker (the MLP, or the baseline the selection fell back to) and the MLP itself.
  const exported = exportOnnx(chosen.weights, `eval ${ds.name}`);
  const exportedRows = await onnxUserRows(exported, testSet, test, ds.popRanking);
  rows.Model = chosen.kind === 'mlp' ? exportedRows : await onnxUserRows(exportOnnx(trained.weights, `eval ${ds.name} mlp`), testSet, test, ds.popRanking);
  // The store's gate on the validation users: the exported ranker against every baseline.
  const valBaselines = baselineUserRows(ds, val, tifu);
  const gate = chooseServed(await onnxUserRows(exported, valSet, val, ds.popRanking), valBaselines, DEFAULT_BASELINE, SERVE_MARGIN);
  rows.Served = gate.served === 'candidate' ? exportedRows : rows[gate.served];
  const methods = Object.fromEntries(METHODS.map((m) => [m, meanMetrics(rows[m])])) as Record<Method, MetricRow>;
  return {
    name: ds.name,
    testUsers: test.length,
    methods,
    perUser: rows,
    served: { choice: gate.served, reason: gate.reason, users: val.length },
    candidateRecall: candidateRecall(testSet, test.map((u: SequenceUser) => u.future)),
    trainSeconds,
    bestEpoch: trained.bestEpoch,
    modelKind: chosen.kind,
    selection: chosen.selection,
  };
}

const userRow = (ranked: string[], u: SequenceUser): UserRow => ({ ...userMetrics(ranked, u.future), ...repeatExploreRecall(ranked, u.future, u.history) });

/** Every baseline's per-user rows on `users` (TIFU-KNN's neighbours: the train users). */
function baselineUserRows(ds: EvalDataset, users: readonly SequenceUser[], tifu: TifuKnn): Record<BaselineName, UserRow[]> {
  const popRank = new Map(ds.popRanking.map((id, r) => [id, r]));
  const out = Object.fromEntries(BASELINE_METHODS.map((m) => [m, [] as UserRow[]])) as Record<BaselineName, UserRow[]>;
  for (const u of users) {
    out['G-TopFreq'].push(userRow(gTopFreq(ds.popRanking, K), u));
    out['P-TopFreq'].push(userRow(pTopFreq(u.history), u));
    out['GP-TopFreq'].push(userRow(gpTopFreq(u.history, ds.popRanking), u));
    out['GP-TopFreq+popTies'].push(userRow(gpTopFreqPopTies(u.history, popRank, ds.popRanking), u));
    out['TIFU-KNN'].push(userRow(tifu.rank(u.history, ds.popRanking, K), u));
  }
  return out;
}

/** Per-user rows of an ONNX ranker over the set's candidates, scored through onnxruntime as the server scores. */
async function onnxUserRows(onnx: Uint8Array, set: ExampleSet, users: readonly SequenceUser[], popRanking: readonly string[]): Promise<UserRow[]> {
  const scorer = await OnnxScorer.fromBytes(onnx);
  const M = set.maxCandidates;
  const out: UserRow[] = [];
  try {
    for (let r = 0; r < users.length; r++) {
      const n = set.candidates[r]!.length;
      const scores = await scorer.score(set.features.subarray(r * M * FEATURE_COUNT, (r * M + n) * FEATURE_COUNT), n);
      out.push(userRow(rankCandidates(set.candidates[r]!, scores, popRanking), users[r]!));
    }
  } finally {
    await scorer.close();
  }
  return out;
}

export function averageSplits(results: SplitResult[]): Record<Method, MetricRow> {
  return Object.fromEntries(METHODS.map((m) => [m, meanMetrics(results.map((r) => r.methods[m]))])) as Record<Method, MetricRow>;
}
