import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../eval/metrics.js';
import { chooseMode, chooseServed } from './serving-rule.js';
import { BASELINES, type BaselineName } from './ranker-choice.js';

/** Rows whose NDCG@10 is `base` plus a little per-user noise, so paired differences have a spread. */
function rows(base: number, users = 400, noise = 0.05, seed = 1): MetricRow[] {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: users }, () => {
    const v = Math.min(1, Math.max(0, base + (rand() - 0.5) * noise));
    return { 'recall@10': v, 'recall@20': v, 'ndcg@10': v, 'ndcg@20': v, 'phr@10': v > 0 ? 1 : 0, 'phr@20': v > 0 ? 1 : 0 } as MetricRow;
  });
}

function baselines(levels: Partial<Record<BaselineName, number>>): Record<BaselineName, MetricRow[]> {
  return Object.fromEntries(BASELINES.map((b, k) => [b, rows(levels[b] ?? 0.1, 400, 0.05, k + 2)])) as Record<BaselineName, MetricRow[]>;
}

describe('chooseServed (the store gate the eval\'s Served row applies on validation users)', () => {
  it('serves the candidate only when it beats every baseline by more than the margin', () => {
    const b = baselines({ 'GP-TopFreq+popTies': 0.2 });
    expect(chooseServed(rows(0.3, 400, 0.05, 9), b, 'GP-TopFreq+popTies', 2).served).toBe('candidate');
  });

  it('keeps the default baseline when the candidate only ties the strongest baseline', () => {
    const b = baselines({ 'GP-TopFreq+popTies': 0.2 });
    const r = chooseServed(rows(0.2, 400, 0.05, 9), b, 'GP-TopFreq+popTies', 2);
    expect(r.served).toBe('GP-TopFreq+popTies');
    expect(r.reason).toContain('not 2 paired SE ahead');
  });

  it('switches to another baseline only when it is significantly ahead of the default', () => {
    const b = baselines({ 'GP-TopFreq+popTies': 0.2, 'TIFU-KNN': 0.3 });
    expect(chooseServed(rows(0.25, 400, 0.05, 9), b, 'GP-TopFreq+popTies', 2).served).toBe('TIFU-KNN');
  });
});

describe('chooseMode (the candidate\'s ranking mode, picked on validation users)', () => {
  it('picks the mode with the highest mean NDCG@10', () => {
    const picked = chooseMode([{ mode: 'model order', rows: rows(0.2) }, { mode: 'c=1', rows: rows(0.25) }, { mode: 'c=2', rows: rows(0.3) }, { mode: 'c=3', rows: rows(0.28) }]);
    expect(picked.mode).toBe('c=2');
    expect(picked.ndcg10).toBeCloseTo(0.3, 2);
  });

  it('keeps the earlier mode (the plain model) on a tie', () => {
    expect(chooseMode([{ mode: 'model order', rows: rows(0.2) }, { mode: 'c=1', rows: rows(0.2) }]).mode).toBe('model order');
  });
});
