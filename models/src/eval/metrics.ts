/** Ranking metrics of the next-basket literature, per user, then averaged. */
export const CUTOFFS = [10, 20] as const;

export interface MetricRow {
  'recall@10': number;
  'recall@20': number;
  'ndcg@10': number;
  'ndcg@20': number;
  'phr@10': number;
  'phr@20': number;
}
export const METRIC_NAMES: (keyof MetricRow)[] = ['recall@10', 'recall@20', 'ndcg@10', 'ndcg@20', 'phr@10', 'phr@20'];

/**
 * Recall@K = |top-K ∩ target| / |target|; NDCG@K with binary gains and the ideal DCG taken
 * over all |target| items (the literature's normalisation, not min(|target|, K));
 * PHR@K = 1 when at least one of the top K is in the target.
 */
export function userMetrics(ranked: readonly string[], target: readonly string[]): MetricRow {
  const want = new Set(target);
  let idcg = 0;
  for (let i = 0; i < want.size; i++) idcg += 1 / Math.log2(i + 2);
  const out = {} as MetricRow;
  for (const k of CUTOFFS) {
    let hits = 0;
    let dcg = 0;
    const seen = new Set<string>();
    for (let r = 0; r < Math.min(k, ranked.length); r++) {
      const item = ranked[r]!;
      if (seen.has(item)) continue;
      seen.add(item);
      if (want.has(item)) {
        hits++;
        dcg += 1 / Math.log2(r + 2);
      }
    }
    out[`recall@${k}`] = want.size === 0 ? 0 : hits / want.size;
    out[`ndcg@${k}`] = idcg === 0 ? 0 : dcg / idcg;
    out[`phr@${k}`] = hits > 0 ? 1 : 0;
  }
  return out;
}

export function meanMetrics(rows: MetricRow[]): MetricRow {
  const out = {} as MetricRow;
  for (const m of METRIC_NAMES) out[m] = rows.length === 0 ? 0 : rows.reduce((s, r) => s + r[m], 0) / rows.length;
  return out;
}
