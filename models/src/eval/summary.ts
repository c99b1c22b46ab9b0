import { METRIC_NAMES, type MetricRow } from './metrics.js';
import { REPEAT_EXPLORE_NAMES, type RepeatExploreRow } from './repeat-explore.js';

/** One test user's figures for one method. */
export type UserRow = MetricRow & RepeatExploreRow;

export interface MeanSe {
  mean: number;
  se: number;
}

/** A method's figures over all splits, with standard errors and its paired comparison with a reference. */
export type MethodSummary = MetricRow &
  RepeatExploreRow & {
    /** Standard error of the per-user metric (pooled over the splits' test users). */
    se: { 'recall@10': number; 'ndcg@10': number };
    /** reference − this method, per user, pooled: mean and paired standard error. */
    paired: { 'recall@10': MeanSe; 'ndcg@10': MeanSe };
  };

export const PAIRED_METRICS = ['recall@10', 'ndcg@10'] as const;

/** Mean and standard error of the mean, NaN entries left out. */
export function meanSe(xs: Iterable<number>): MeanSe & { n: number } {
  let n = 0, sum = 0, sq = 0;
  for (const x of xs) {
    if (Number.isNaN(x)) continue;
    n++;
    sum += x;
    sq += x * x;
  }
  const mean = n ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, (sq - n * mean * mean) / (n - 1)) : 0;
  return { mean, se: n ? Math.sqrt(variance / n) : 0, n };
}

/**
 * Summarises per-user rows of several splits. The six core metrics are the mean of the splits'
 * means (the protocol's average over keysets); repeat/explore recall, standard errors and the
 * paired differences pool every (split, user) pair. Ta-Feng's keysets share users, so the
 * pooled standard errors there are somewhat optimistic; seeded splits of other data too.
 */
export function summariseMethods<M extends string>(splits: readonly Record<M, readonly UserRow[]>[], methods: readonly M[], reference: M): Record<M, MethodSummary> {
  const out = {} as Record<M, MethodSummary>;
  for (const m of methods) {
    const row = {} as MethodSummary;
    for (const name of METRIC_NAMES) row[name] = splits.reduce((s, sp) => s + meanSe(sp[m].map((r) => r[name])).mean, 0) / Math.max(1, splits.length);
    for (const name of REPEAT_EXPLORE_NAMES) row[name] = meanSe(splits.flatMap((sp) => sp[m].map((r) => r[name]))).mean;
    row.se = { 'recall@10': 0, 'ndcg@10': 0 };
    row.paired = { 'recall@10': { mean: 0, se: 0 }, 'ndcg@10': { mean: 0, se: 0 } };
    for (const name of PAIRED_METRICS) {
      row.se[name] = meanSe(splits.flatMap((sp) => sp[m].map((r) => r[name]))).se;
      const { mean, se } = meanSe(splits.flatMap((sp) => sp[m].map((r, u) => sp[reference][u]![name] - r[name])));
      row.paired[name] = { mean, se };
    }
    out[m] = row;
  }
  return out;
}
