import type { MetricRow } from '../eval/metrics.js';
import { pairedComparison } from './paired.js';
import { BASELINES, type BaselineName } from './ranker-choice.js';

/**
 * The rule that picks what a store serves, shared by the store's lifecycle
 * (`trainAndDecide`) and the evaluation's "Served" row (`eval/evaluate.ts`), so the figures
 * `npm run eval` prints for "Served" are what the store's gate would put in front of shoppers.
 */

const ndcgOf = (rows: readonly MetricRow[]) => rows.map((r) => r['ndcg@10']);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

/**
 * Which baseline serves when no model does: the one serving now (the default before any
 * decision) unless another is significantly better on the same shoppers; then the best of
 * those. Baselines are held to the same paired test as models, so a store does not flip
 * between near-equal baselines (or to a non-personal one) on noise.
 */
export function chooseBaseline(rows: Record<BaselineName, MetricRow[]>, current: BaselineName, margin: number): { strongest: BaselineName; why: string } {
  let best: { name: BaselineName; diff: number; se: number } | null = null;
  for (const name of BASELINES) {
    if (name === current) continue;
    const c = pairedComparison(ndcgOf(rows[name]), ndcgOf(rows[current]));
    if (c.z > margin && (!best || c.diff > best.diff)) best = { name, diff: c.diff, se: c.se };
  }
  if (!best) return { strongest: current, why: `no baseline beats it by ${margin} paired SE` };
  return { strongest: best.name, why: `ahead of ${current} by ${signed(best.diff)} ± ${best.se.toFixed(4)} NDCG@10` };
}

/**
 * The candidate's weakest lead over the baselines (paired NDCG@10 on the same shoppers): it is
 * promoted only when even this lead is above `margin` standard errors.
 */
export function weakestLead(candidate: readonly MetricRow[], baselines: Record<BaselineName, MetricRow[]>): { name: BaselineName; diff: number; se: number; z: number } {
  let weakest: { name: BaselineName; diff: number; se: number; z: number } | null = null;
  for (const name of BASELINES) {
    const c = pairedComparison(ndcgOf(candidate), ndcgOf(baselines[name]));
    if (!weakest || c.z < weakest.z) weakest = { name, ...c };
  }
  return weakest!;
}

export type ServedChoice = 'candidate' | BaselineName;

/**
 * A store without a model: the candidate serves if it beats every baseline by more than
 * `margin` paired SE of NDCG@10, otherwise `chooseBaseline` from the default baseline.
 */
export function chooseServed(candidate: readonly MetricRow[], baselines: Record<BaselineName, MetricRow[]>, current: BaselineName, margin: number): { served: ServedChoice; reason: string } {
  const lead = weakestLead(candidate, baselines);
  const leadText = `weakest lead over ${lead.name} ${signed(lead.diff)} ± ${lead.se.toFixed(4)} NDCG@10 on ${candidate.length} users`;
  if (lead.z > margin) return { served: 'candidate', reason: `candidate beats every baseline by more than ${margin} paired SE (${leadText})` };
  const { strongest, why } = chooseBaseline(baselines, current, margin);
  return { served: strongest, reason: `candidate not ${margin} paired SE ahead (${leadText}): ${strongest} (${why})` };
}

/** One ranking mode of the trained candidate, with its per-user rows on the validation users. */
export interface ModeRows<M> {
  mode: M;
  rows: readonly MetricRow[];
}

/**
 * The candidate's ranking mode (its own order, or repeat-first with the threshold c): the one
 * with the highest mean NDCG@10 on the **validation** users, ties to the earlier entry (list the
 * plain model first). The gate then holds the chosen mode to the same paired test as any
 * candidate; measuring it on the same validation users it was picked on flatters it slightly,
 * which the 2-SE margin absorbs (the eval's test rows show the unflattered figure).
 */
export function chooseMode<M>(modes: readonly ModeRows<M>[]): ModeRows<M> & { ndcg10: number } {
  const mean = (rows: readonly MetricRow[]) => rows.reduce((s, r) => s + r['ndcg@10'], 0) / Math.max(1, rows.length);
  let best = { ...modes[0]!, ndcg10: mean(modes[0]!.rows) };
  for (const m of modes.slice(1)) {
    const v = mean(m.rows);
    if (v > best.ndcg10) best = { ...m, ndcg10: v };
  }
  return best;
}
