import { FEATURE_COUNT } from '../features/index.js';
import { ownBasketCounts, repeatFirstOrder, type RepeatFirstOptions } from '../features/repeat-first.js';
import type { SequenceUser } from '../data/types.js';
import { OnnxScorer } from '../train/onnx-scorer.js';
import type { ExampleSet } from './examples.js';
import { userMetrics } from './metrics.js';
import { repeatExploreRecall } from './repeat-explore.js';
import type { UserRow } from './summary.js';

/**
 * From an ONNX ranker's scores to per-user metric rows: scored once through onnxruntime (the
 * serving path), then ranked in any mode — the model's own order, or repeat-first with a
 * threshold — without scoring again. Shared by the evaluation and the store's lifecycle.
 */

/** Ranking depth every metric needs (@10 and @20). */
export const K = 20;

/** The model's own order (null) or repeat-first (features/repeat-first.ts). */
export type RankingMode = RepeatFirstOptions | null;

/** Ranked ids (best first), then the popularity ranking, so every method ranks K items. */
export function fillWithPopularity(ranked: readonly string[], popRanking: readonly string[]): string[] {
  const out = ranked.slice(0, K);
  const seen = new Set(out);
  for (const id of popRanking) {
    if (out.length >= K) break;
    if (!seen.has(id)) out.push(id);
  }
  return out;
}

/** Candidates by score, then the popularity ranking, so every method ranks over all items. */
export function rankCandidates(candidates: readonly string[], scores: ArrayLike<number>, popRanking: readonly string[]): string[] {
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return fillWithPopularity(order.slice(0, K).map((k) => candidates[k]!), popRanking);
}

/** Each user's candidate scores from an ONNX ranker, as the server scores them. */
export async function onnxScores(onnx: Uint8Array, set: ExampleSet, users: number): Promise<Float32Array[]> {
  const scorer = await OnnxScorer.fromBytes(onnx);
  const M = set.maxCandidates;
  const out: Float32Array[] = [];
  try {
    for (let r = 0; r < users; r++) {
      const n = set.candidates[r]!.length;
      out.push(Float32Array.from(await scorer.score(set.features.subarray(r * M * FEATURE_COUNT, (r * M + n) * FEATURE_COUNT), n)));
    }
  } finally {
    await scorer.close();
  }
  return out;
}

/**
 * Per-user rows of one ranking mode. Repeat-first breaks own-count ties by `popRanking` (the
 * order GP-TopFreq with popularity ties uses), so its repeat block is that baseline's.
 */
export function rowsOfMode(set: ExampleSet, users: readonly SequenceUser[], scores: readonly Float32Array[], popRanking: readonly string[], mode: RankingMode): UserRow[] {
  const rank = new Map(popRanking.map((id, r) => [id, r]));
  const popRank = (id: string) => rank.get(id) ?? Infinity;
  return users.map((u, r) => {
    const candidates = set.candidates[r]!;
    const ranked = mode
      ? fillWithPopularity(repeatFirstOrder(candidates, scores[r]!, ownBasketCounts(u.history.map((items) => ({ items }))), popRank, mode).slice(0, K).map((k) => candidates[k]!), popRanking)
      : rankCandidates(candidates, scores[r]!, popRanking);
    return { ...userMetrics(ranked, u.future), ...repeatExploreRecall(ranked, u.future, u.history) };
  });
}

export function describeMode(mode: RankingMode): string {
  if (!mode) return 'model order';
  const c = `repeat-first c=${mode.minCount}`;
  return mode.maxRepeat === undefined ? c : `${c} cap ${mode.maxRepeat}`;
}
