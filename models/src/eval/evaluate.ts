import { StoreAggregates } from '../features/index.js';
import type { EvalDataset, SequenceUser } from '../data/types.js';
import { gTopFreq, gpTopFreq, gpTopFreqPopTies, pTopFreq } from './baselines.js';
import { TifuKnn } from './tifu-knn.js';
import { meanMetrics, userMetrics, type MetricRow } from './metrics.js';
import { K, onnxScores, rowsOfMode, describeMode, type RankingMode } from './scored-rows.js';
import { REPEAT_FIRST_MODES, type RepeatFirstOptions } from '../features/repeat-first.js';
import { repeatExploreRecall } from './repeat-explore.js';
import type { UserRow } from './summary.js';
import { aggregateBaskets, buildExamples, buildTrainExamples, candidateRecall, heldOutExamples } from './examples.js';
import { TRAIN_DEFAULTS, type TrainOptions } from '../train/train-ranker.js';
import { exportOnnx } from '../train/onnx-export.js';
import { trainAndSelect, type Selection } from '../train/select.js';
import { chooseMode, chooseServed, type ServedChoice } from '../lifecycle/serving-rule.js';
import { DEFAULT_BASELINE, type BaselineName } from '../lifecycle/ranker-choice.js';

/**
 * `Model` is the trained MLP itself (through ONNX, the serving path); `Model, repeat-first` is
 * the same MLP ranking only the fill after the shopper's own items bought in ≥ c baskets
 * (features/repeat-first.ts), c chosen on the validation users; `Served` is what a store would
 * serve after its gate (`lifecycle/serving-rule.ts`), decided on the validation users — never
 * on the test users these rows measure.
 */
export const METHODS = ['G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN', 'Model', 'Model, repeat-first', 'Served'] as const;
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
  /**
   * What the gate chose on the validation users: the exported candidate (`modelKind`) in its
   * own order, the MLP repeat-first (`mode`), or a named baseline, and why.
   */
  served: { choice: ServedChoice; mode: RankingMode; reason: string; users: number };
  /**
   * Repeat-first's threshold chosen on the validation users, and every mode's validation NDCG@10.
   * `testDiagnostic`: every threshold's per-user test NDCG@10 and Recall@10 minus GP-ties' —
   * reported to explain the choice, never used to make it.
   */
  repeatFirst: { mode: RepeatFirstOptions; validationNdcg10: Record<string, number>; testDiagnostic: Record<string, { ndcg10: number[]; recall10: number[] }> };
  candidateRecall: number;
  trainSeconds: number;
  bestEpoch: number;
  modelKind: Selection['kind'];
  selection: Selection['selection'];
}

export { K, rankCandidates } from './scored-rows.js';

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
  // The exported ranker (the MLP, or the baseline the selection fell back to) and the MLP itself,
  // each scored once per user set; every ranking mode reorders those scores.
  const exported = exportOnnx(chosen.weights, `eval ${ds.name}`);
  const mlpOnnx = chosen.kind === 'mlp' ? exported : exportOnnx(trained.weights, `eval ${ds.name} mlp`);
  const [valExported, testExported] = [await onnxScores(exported, valSet, val.length), await onnxScores(exported, testSet, test.length)];
  const [valMlp, testMlp] = chosen.kind === 'mlp' ? [valExported, testExported] : [await onnxScores(mlpOnnx, valSet, val.length), await onnxScores(mlpOnnx, testSet, test.length)];
  rows.Model = rowsOfMode(testSet, test, testMlp, ds.popRanking, null);
  // Repeat-first: the mode (c, cap) chosen on the validation users; the MLP ranks the fill.
  const repeatModes = REPEAT_FIRST_MODES.map((mode) => ({ mode: mode as RankingMode, rows: rowsOfMode(valSet, val, valMlp, ds.popRanking, mode) }));
  const bestRepeat = chooseMode(repeatModes);
  const validationNdcg10: Record<string, number> = {};
  const meanNdcg = (r: readonly MetricRow[]) => meanMetrics(r as MetricRow[])['ndcg@10'];
  validationNdcg10['model order'] = meanNdcg(rowsOfMode(valSet, val, valMlp, ds.popRanking, null));
  for (const m of repeatModes) validationNdcg10[describeMode(m.mode)] = meanNdcg(m.rows);
  rows['Model, repeat-first'] = rowsOfMode(testSet, test, testMlp, ds.popRanking, bestRepeat.mode);
  const testDiagnostic: SplitResult['repeatFirst']['testDiagnostic'] = {};
  for (const mode of REPEAT_FIRST_MODES) {
    const r = rowsOfMode(testSet, test, testMlp, ds.popRanking, mode);
    const gp = rows['GP-TopFreq+popTies'];
    testDiagnostic[describeMode(mode)] = { ndcg10: r.map((x, u) => x['ndcg@10'] - gp[u]!['ndcg@10']), recall10: r.map((x, u) => x['recall@10'] - gp[u]!['recall@10']) };
  }
  // The store's gate on the validation users: the exported ranker in its own order or the MLP
  // repeat-first (whichever is ahead there), against every baseline.
  const valBaselines = baselineUserRows(ds, val, tifu);
  const exportedVal = rowsOfMode(valSet, val, valExported, ds.popRanking, null);
  validationNdcg10[`exported ${chosen.kind}`] = meanNdcg(exportedVal);
  const candidate = chooseMode([{ mode: null as RankingMode, rows: exportedVal }, bestRepeat]);
  const gate = chooseServed(candidate.rows as MetricRow[], valBaselines, DEFAULT_BASELINE, SERVE_MARGIN);
  rows.Served = gate.served !== 'candidate' ? rows[gate.served] : candidate.mode ? rows['Model, repeat-first'] : rowsOfMode(testSet, test, testExported, ds.popRanking, null);
  const methods = Object.fromEntries(METHODS.map((m) => [m, meanMetrics(rows[m])])) as Record<Method, MetricRow>;
  return {
    name: ds.name,
    testUsers: test.length,
    methods,
    perUser: rows,
    served: { choice: gate.served, mode: gate.served === 'candidate' ? candidate.mode : null, reason: gate.reason, users: val.length },
    repeatFirst: { mode: bestRepeat.mode!, validationNdcg10, testDiagnostic },
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

export function averageSplits(results: SplitResult[]): Record<Method, MetricRow> {
  return Object.fromEntries(METHODS.map((m) => [m, meanMetrics(results.map((r) => r.methods[m]))])) as Record<Method, MetricRow>;
}
