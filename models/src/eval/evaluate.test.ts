import { describe, expect, it } from 'vitest';
import { buildProtocolDataset } from '../data/sequences.js';
import { syntheticStoreBaskets } from '../lifecycle/synthetic-store.js';
import { EVAL_DEFAULTS, evaluateSplit } from './evaluate.js';

// Three small trainings per split (under 1,000 validation users the selection adds two half trainings); slow on a busy machine.
const TIMEOUT_MS = 300_000;
const opts = { ...EVAL_DEFAULTS, train: { ...EVAL_DEFAULTS.train, epochs: 6, progress: false } };
const dataset = (pattern: 'sequence' | 'repeat', seed: number) =>
  buildProtocolDataset(`synthetic-${pattern}`, syntheticStoreBaskets({ customers: 300, basketsPerCustomer: 7, pattern, seed }), { minBaskets: 3, minItemCount: 3, seed: 42 });

describe("evaluateSplit's Served row (the store gate, decided on validation users)", () => {
  it('serves the model where it clearly beats every baseline', async () => {
    const r = await evaluateSplit(dataset('sequence', 1), opts);
    expect(r.modelKind).toBe('mlp');
    expect(r.served.choice).toBe('candidate');
    expect(r.served.users).toBe(24);
    expect(r.perUser.Served).toEqual(r.perUser.Model);
    expect(r.methods.Served['ndcg@10']).toBeGreaterThan(r.methods['GP-TopFreq+popTies']['ndcg@10'] + 0.2);
  }, TIMEOUT_MS);

  it('serves a baseline, with its own test figures, where the model does not clearly win', async () => {
    const r = await evaluateSplit(dataset('repeat', 2), opts);
    expect(r.served.choice).not.toBe('candidate');
    expect(r.served.reason).toMatch(/candidate not 2 paired SE ahead/);
    const name = r.served.choice as Exclude<typeof r.served.choice, 'candidate'>;
    expect(r.perUser.Served).toEqual(r.perUser[name]);
    // The Model row is still the MLP's own figures, whatever was served.
    expect(r.perUser.Model).toHaveLength(r.testUsers);
  }, TIMEOUT_MS);
});
