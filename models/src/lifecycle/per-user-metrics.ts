import { FEATURE_COUNT, type StoreAggregates } from '../features/index.js';
import type { EvalDataset, SequenceUser } from '../data/types.js';
import { gTopFreq, gpTopFreq, gpTopFreqPopTies, pTopFreq } from '../eval/baselines.js';
import { TifuKnn } from '../eval/tifu-knn.js';
import { userMetrics, type MetricRow } from '../eval/metrics.js';
import { buildExamples } from '../eval/examples.js';
import { K, rankCandidates } from '../eval/evaluate.js';
import { OnnxScorer } from '../train/onnx-scorer.js';
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
 * Per-user metric rows of ONNX models (candidate, incumbent) on the test users, scored through
 * onnxruntime as the server scores them: candidates by score, then the popularity ranking.
 */
export async function modelRows(ds: EvalDataset, test: readonly SequenceUser[], agg: StoreAggregates, models: readonly Uint8Array[], maxCandidates: number): Promise<MetricRow[][]> {
  const set = buildExamples(test, () => agg, maxCandidates);
  const out: MetricRow[][] = [];
  for (const bytes of models) {
    const scorer = await OnnxScorer.fromBytes(bytes);
    const rows: MetricRow[] = [];
    try {
      for (let r = 0; r < test.length; r++) {
        const candidates = set.candidates[r]!;
        const n = candidates.length;
        const start = r * maxCandidates * FEATURE_COUNT;
        const scores = await scorer.score(set.features.subarray(start, start + n * FEATURE_COUNT), n);
        rows.push(userMetrics(rankCandidates(candidates, scores, ds.popRanking), test[r]!.future));
      }
    } finally {
      await scorer.close();
    }
    out.push(rows);
  }
  return out;
}
