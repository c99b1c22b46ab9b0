import { describe, expect, it } from 'vitest';
import { lambdaPairWeights } from './train-ranker.js';

describe('LambdaRank pair weights', () => {
  // One user, 4 slots: scores rank slot 2 first, then 0, 3, 1; slot 1 is padding; slot 3 was bought.
  const S = 4;
  const scores = Float32Array.from([0.5, 9, 0.9, 0.1]);
  const labels = Float32Array.from([0, 0, 0, 1]);
  const mask = Float32Array.from([1, 0, 1, 1]);
  const g = (r: number) => 1 / Math.log2(r + 2);

  it('weights each (bought, not bought) pair by |ΔNDCG| of swapping them, over the ideal DCG', () => {
    const out = new Float32Array(S * S);
    lambdaPairWeights(scores, labels, mask, 1, S, 0, out);
    // Real ranks: slot 2 → 0, slot 0 → 1, slot 3 → 2 (padding slot 1 ignored, despite its score).
    expect(out[3 * S + 2]).toBeCloseTo(Math.abs(g(2) - g(0)) / g(0), 6);
    expect(out[3 * S + 0]).toBeCloseTo(Math.abs(g(2) - g(1)) / g(0), 6);
    // No weight on padding, on pairs of two non-bought items, or from a non-bought item's side.
    expect(out[3 * S + 1]).toBe(0);
    expect(out[0 * S + 2]).toBe(0);
    expect(out[2 * S + 3]).toBe(0);
  });

  it('truncated at k: swaps that stay below rank k weigh nothing', () => {
    const out = new Float32Array(S * S);
    lambdaPairWeights(scores, labels, mask, 1, S, 1, out);
    expect(out[3 * S + 2]).toBeCloseTo(1, 6); // moving the bought item to rank 0 gains the whole NDCG@1
    expect(out[3 * S + 0]).toBe(0); // ranks 1 and 2 are both outside the top 1
  });
});
