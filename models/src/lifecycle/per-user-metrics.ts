import type { StoreAggregates } from '../features/index.js';
import type { EvalDataset, SequenceUser } from '../data/types.js';
import { gTopFreq, gpTopFreq, gpTopFreqPopTies, pTopFreq } from '../eval/baselines.js';
import { TifuKnn } from '../eval/tifu-knn.js';
import { userMetrics, type MetricRow } from '../eval/metrics.js';
import { buildExamples } from '../eval/examples.js';
import { K, onnxScores, rowsOfMode, type RankingMode } from '../eval/scored-rows.js';
import type { BaselineName } from './ranker-choice.js';


/** Per-user metric rows of each baseline on the test users (same order as `test`). */
export function baselineRows(ds: EvalDataset, test: readonly SequenceUser[]): Record<BaselineName, MetricRow[]> {
  const popRank = new Map(ds.popRanking.map((id, r) => [id, r]));
  const tifu = new TifuKnn(ds.train.map((id) => ds.users.get(id)!.history));
  const rows: Record<BaselineName, MetricRow[]> = { 'G-TopFreq': [], 'P-TopFreq': [], 'GP-TopFreq': [], 'GP-TopFreq+popTies': [], 'TIFU-KNN': [] };
  for (const u of test) {
    rows['G-TopFreq'].push(userMetrics(gTopFreq(ds.popRanking, K), u.future));
    rows['P-TopFreq'].push(userMetrics(pTopFreq(u.history), u.future));
    rows['GP-TopFreq'].push(userMetrics(gpTopFreq(u.history, ds.popRanking), u.future));
    rows['GP-TopFreq+popTies'].push(userMetrics(gpTopFreqPopTies(u.history, popRank, ds.popRanking), u.future));
    rows['TIFU-KNN'].push(userMetrics(tifu.rank(u.history, ds.popRanking, K), u.future));
  }
  return rows;
}

/**
 * Per-user metric rows of ONNX models (candidate, incumbent) on `users`, scored through
 * onnxruntime as the server scores them, each in its ranking mode (its own order, or
 * repeat-first); a model listed twice is scored once.
 */
export async function modelRows(ds: EvalDataset, users: readonly SequenceUser[], agg: StoreAggregates, models: readonly { onnx: Uint8Array; mode: RankingMode }[], maxCandidates: number): Promise<MetricRow[][]> {
  const set = buildExamples(users, () => agg, maxCandidates);
  const scored = new Map<Uint8Array, Float32Array[]>();
  const out: MetricRow[][] = [];
  for (const { onnx, mode } of models) {
    if (!scored.has(onnx)) scored.set(onnx, await onnxScores(onnx, set, users.length));
    out.push(rowsOfMode(set, users, scored.get(onnx)!, ds.popRanking, mode));
  }
  return out;
}
