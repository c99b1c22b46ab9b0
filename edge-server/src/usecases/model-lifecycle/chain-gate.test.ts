import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticStoreBaskets, trainAndDecide, type ModelManifest } from '@vitrina/models';
import type { RecommendationsState } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { insertStoreReceipts } from '../../test-support/store-receipts.js';
import type { ChainModelArtifact } from './chain-gate.js';

const FAST = { TRAINING_EPOCHS: 2, TRAINING_MIN_CUSTOMERS: 100 };

async function storeWith(pattern: 'sequence' | 'repeat') {
  const t = await build(FAST);
  await insertStoreReceipts(t.services, syntheticStoreBaskets({ customers: 200, basketsPerCustomer: 7, pattern, seed: 11 }));
  await t.services.recommend.refreshAggregates();
  return t;
}

async function stateOf(t: Awaited<ReturnType<typeof build>>): Promise<RecommendationsState> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations', headers: await t.staffHeaders('marketer') });
  return res.json() as RecommendationsState;
}

// The chain model is a real one: trained by the lifecycle pipeline on other shoppers (as head
// office trains on every store's), exported to ONNX, and scored by onnxruntime in the gate.
describe('the store\'s gate for a chain model (real ONNX artifact, real SQLite store)', { timeout: 480_000 }, () => {
  let chain: ChainModelArtifact;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'vitrina-chain-model-'));
    const d = await trainAndDecide(syntheticStoreBaskets({ customers: 300, basketsPerCustomer: 7, pattern: 'sequence', seed: 5 }), null, {
      seed: 42, minCustomers: 100, margin: 2, artifactRoot: root, label: 'chain', train: { epochs: 6 },
    });
    expect(d.outcome).toBe('promoted');
    const dir = d.candidate!.artifactDir!;
    chain = {
      version: d.candidate!.version, sha256: d.candidate!.sha256, onnx: readFileSync(join(dir, 'model.onnx')),
      manifest: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelManifest,
    };
  }, 480_000);

  it('serves the chain model where it beats the store\'s incumbent on the store\'s own shoppers, and records why', async () => {
    const t = await storeWith('sequence');
    expect((await stateOf(t)).serving).toMatchObject({ status: 'baseline', ranker: 'GP-TopFreq+popTies' });
    const decision = await t.services.modelLifecycle.gateChainModel(chain);
    expect(decision.outcome).toBe('promoted');
    const state = await stateOf(t);
    expect(state.serving).toEqual({ status: 'loaded', ranker: chain.version, reason: null });
    const [d] = state.decisions;
    expect(d).toMatchObject({ trigger: 'chain', outcome: 'promoted', served: { kind: 'model', version: chain.version, sha256: chain.sha256 } });
    expect(d!.methods.map((m) => m.role)).toEqual(['candidate', 'incumbent']);
    const gain = d!.methods[1]!.candidateGain!;
    expect(gain.diff).toBeGreaterThan(2 * gain.se);
  });

  it('keeps the store\'s incumbent where the chain model does not win (a store of repeat buyers)', async () => {
    const t = await storeWith('repeat');
    const decision = await t.services.modelLifecycle.gateChainModel(chain);
    expect(decision.outcome).toBe('kept-incumbent');
    const state = await stateOf(t);
    expect(state.serving).toMatchObject({ status: 'baseline', ranker: 'GP-TopFreq+popTies' });
    expect(state.decisions[0]).toMatchObject({ trigger: 'chain', outcome: 'kept-incumbent', served: { kind: 'baseline', name: 'GP-TopFreq+popTies' } });
    expect(state.decisions[0]!.reason).toMatch(/not ahead of baseline GP-TopFreq\+popTies by 2 paired SE/);
  });

  it('refuses bytes that do not match the announced sha256 and a manifest that is not a ranker\'s, and records nothing', async () => {
    const t = await storeWith('sequence');
    const tampered = { ...chain, onnx: Uint8Array.from(chain.onnx, (b, i) => (i === 100 ? b ^ 0xff : b)) };
    await expect(t.services.modelLifecycle.gateChainModel(tampered)).rejects.toMatchObject({ code: 'VITRINA_ERR_MODEL_INVALID' });
    await expect(t.services.modelLifecycle.gateChainModel({ ...chain, manifest: { format: 'something-else' } })).rejects.toMatchObject({ code: 'VITRINA_ERR_MODEL_INVALID' });
    expect((await stateOf(t)).decisions).toEqual([]);
  });
});
