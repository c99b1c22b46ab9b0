/**
 * RFM scores 1–5 by quintiles among customers who bought in the look-back window:
 * recency (days since the last purchase; fewer is better, so it scores high), frequency
 * (purchases) and monetary (net spend). Equal values always get the same score (ranked by
 * their first position). Named segments follow the usual R×F grid, first match wins.
 */

export interface RfmInput {
  customerId: string;
  daysSinceLast: number;
  purchases: number;
  spendMinor: number;
}

export type RfmSegment = 'champions' | 'loyal' | 'new' | 'potential' | 'at_risk' | 'hibernating' | 'lost' | 'need_attention';

export interface RfmScore extends RfmInput {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** Quintile score of each value (1 = lowest fifth … 5 = highest); ties share the lower score. */
export function quintiles(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const firstIndex = new Map<number, number>();
  sorted.forEach((v, i) => { if (!firstIndex.has(v)) firstIndex.set(v, i); });
  return values.map((v) => Math.floor((firstIndex.get(v)! * 5) / values.length) + 1);
}

export function segmentOf(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r >= 4 && f <= 1) return 'new';
  if (r >= 3) return 'potential';
  if (f >= 3) return 'at_risk';
  if (r === 2) return 'hibernating';
  if (r === 1) return 'lost';
  return 'need_attention';
}

export function scoreRfm(rows: readonly RfmInput[]): RfmScore[] {
  const r = quintiles(rows.map((x) => -x.daysSinceLast));
  const f = quintiles(rows.map((x) => x.purchases));
  const m = quintiles(rows.map((x) => x.spendMinor));
  return rows.map((x, i) => ({ ...x, r: r[i]!, f: f[i]!, m: m[i]!, segment: segmentOf(r[i]!, f[i]!) }));
}
