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

export const METHODS = ['G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN', 'Model'] as const;
export type Method = (typeof METHODS)[number];

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
  /** The trained MLP on the test users even when the selection exported a baseline instead (for the report). */
  mlpAlone: MetricRow;
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
  const rows: Record<Method, UserRow[]> = Object.fromEntries(METHODS.map((m) => [m, []])) as unknown as Record<Method, UserRow[]>;
  const score = (ranked: string[], u: SequenceUser): UserRow => ({ ...userMetrics(ranked, u.future), ...repeatExploreRecall(ranked, u.future, u.history) });
  const popRank = new Map(ds.popRanking.map((id, r) => [id, r]));
  const tifu = new TifuKnn(ds.train.map((id) => ds.users.get(id)!.history));
  for (const u of test) {
    rows['G-TopFreq'].push(score(gTopFreq(ds.popRanking, K), u));
    rows['P-TopFreq'].push(score(pTopFreq(u.history), u));
    rows['GP-TopFreq'].push(score(gpTopFreq(u.history, ds.popRanking), u));
    rows['GP-TopFreq+popTies'].push(score(gpTopFreqPopTies(u.history, popRank, ds.popRanking), u));
    rows['TIFU-KNN'].push(score(tifu.rank(u.history, ds.popRanking, K), u));
  }
  const started = Date.now();
  const full = StoreAggregates.build(aggregateBaskets(ds, new Set(ds.train)));
  const trainSet = buildTrainExamples(ds, opts.folds, opts.maxCandidates, {}, opts.cuts);
  const valSet = buildExamples(ds.val.map((id) => ds.users.get(id)!), () => full, opts.maxCandidates);
  const chosen = await trainAndSelect(trainSet, valSet, opts.train, heldOutExamples(ds, ds.train, opts.maxCandidates));
  const trained = chosen.trained;
  const trainSeconds = (Date.now() - started) / 1000;
  const testSet = buildExamples(test, () => full, opts.maxCandidates);
  const M = opts.maxCandidates;
  const mlpScores = trained.ranker.predict(testSet.features, test.length * M);
  trained.ranker.dispose();
  const mlpAlone = meanMetrics(test.map((u, r) => userMetrics(rankCandidates(testSet.candidates[r]!, mlpScores.subarray(r * M, (r + 1) * M), ds.popRanking), u.future)));
  const scorer = await OnnxScorer.fromBytes(exportOnnx(chosen.weights, `eval ${ds.name}`));
  for (let r = 0; r < test.length; r++) {
    const n = testSet.candidates[r]!.length;
    const scores = await scorer.score(testSet.features.subarray(r * M * FEATURE_COUNT, (r * M + n) * FEATURE_COUNT), n);
    rows.Model.push(score(rankCandidates(testSet.candidates[r]!, scores, ds.popRanking), test[r]!));
  }
  await scorer.close();
  const methods = Object.fromEntries(METHODS.map((m) => [m, meanMetrics(rows[m])])) as Record<Method, MetricRow>;
  return {
    name: ds.name,
    testUsers: test.length,
    methods,
    perUser: rows,
    mlpAlone,
    candidateRecall: candidateRecall(testSet, test.map((u: SequenceUser) => u.future)),
    trainSeconds,
    bestEpoch: trained.bestEpoch,
    modelKind: chosen.kind,
    selection: chosen.selection,
  };
}

export function averageSplits(results: SplitResult[]): Record<Method, MetricRow> {
  return Object.fromEntries(METHODS.map((m) => [m, meanMetrics(results.map((r) => r.methods[m]))])) as Record<Method, MetricRow>;
}
