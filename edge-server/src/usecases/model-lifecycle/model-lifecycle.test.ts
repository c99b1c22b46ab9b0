import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticStoreBaskets } from '@vitrina/models';
import type { RecommendationsState } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { insertStoreReceipts } from '../../test-support/store-receipts.js';

/** Few epochs and a modest store keep a real training run (child process, tfjs, onnxruntime) to seconds. */
const FAST = { TRAINING_EPOCHS: 6, TRAINING_MIN_CUSTOMERS: 100 };

async function storeWith(pattern: 'sequence' | 'repeat' | 'repeat-sequence', customers: number, overrides = {}, seed = 11) {
  const t = await build({ ...FAST, ...overrides });
  await insertStoreReceipts(t.services, syntheticStoreBaskets({ customers, basketsPerCustomer: 7, pattern, seed }));
  await t.services.recommend.refreshAggregates();
  return t;
}

async function stateOf(t: Awaited<ReturnType<typeof build>>): Promise<RecommendationsState> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/recommendations', headers: await t.staffHeaders('marketer') });
  expect(res.statusCode).toBe(200);
  return res.json() as RecommendationsState;
}

// A real training run takes seconds alone, much longer on a shared 2-core machine.
describe('model lifecycle (real SQLite store, real training in a child process)', { timeout: 480_000 }, () => {
  it('promotes a model that beats every baseline, serves it, and refuses a second run while one trains', async () => {
    const t = await storeWith('sequence', 200);
    const before = await stateOf(t);
    expect(before.serving).toEqual({ status: 'baseline', ranker: 'GP-TopFreq+popTies', reason: null });
    expect(before.decisions).toEqual([]);

    const admin = await t.staffHeaders('admin');
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/train', headers: admin });
    expect(first.statusCode).toBe(202);
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/train', headers: admin });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VITRINA_ERR_TRAINING_RUNNING');
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/train', headers: await t.staffHeaders('marketer') });
    expect(forbidden.statusCode).toBe(403);
    expect((await stateOf(t)).training).toMatchObject({ running: true, trigger: 'manual' });

    await t.services.modelLifecycle.whenIdle();
    const after = await stateOf(t);
    const [d] = after.decisions;
    expect(d).toMatchObject({ outcome: 'promoted', trigger: 'manual', customers: 200, baskets: 1400, split: { seed: 42, test: 40 } });
    expect(d!.methods.map((m) => m.name)).toEqual(['candidate', 'G-TopFreq', 'P-TopFreq', 'GP-TopFreq', 'GP-TopFreq+popTies', 'TIFU-KNN']);
    for (const m of d!.methods.slice(1)) expect(m.candidateGain!.diff).toBeGreaterThan(2 * m.candidateGain!.se);
    expect(after.serving).toEqual({ status: 'loaded', ranker: d!.candidate!.version, reason: null });
    expect(d!.served).toMatchObject({ kind: 'model', artifactDir: join(t.dataDir, 'models', d!.candidate!.version) });

    // The promoted model is what ranks now: hot-swapping back to the baseline changes most
    // shoppers' top 3 (the baseline puts a shopper's own most-bought items first, the model does not).
    const topThree = async () => {
      const out: string[] = [];
      for (let k = 0; k < 50; k++) out.push((await t.services.recommend.rank(`c${String(k).padStart(4, '0')}`, { limit: 3, personalized: true })).map((r) => r.productId).join());
      return out;
    };
    const withModel = await topThree();
    await t.services.recommend.useRanker({ kind: 'baseline', name: 'GP-TopFreq+popTies' });
    expect(t.services.recommend.health()).toMatchObject({ status: 'baseline', version: 'GP-TopFreq+popTies' });
    const withBaseline = await topThree();
    expect(withModel.filter((top, k) => top !== withBaseline[k]).length).toBeGreaterThan(25);
  });

  it('serves the strongest baseline when no trained model beats it (health stays ok)', async () => {
    const t = await storeWith('repeat', 200);
    t.services.modelLifecycle.trainNow();
    await t.services.modelLifecycle.whenIdle();
    const { decisions: [d], serving } = await stateOf(t);
    expect(d!.outcome).toBe('baseline');
    expect(d!.served.kind).toBe('baseline');
    const name = d!.served.kind === 'baseline' ? d!.served.name : '';
    expect(d!.methods.filter((m) => m.role === 'baseline').map((m) => m.name)).toContain(name);
    expect(serving).toEqual({ status: 'baseline', ranker: name, reason: null });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().model).toMatchObject({ status: 'baseline', version: name });
    expect(health.json().status).toBe('ok');
    // A shopper's own staples come first under the baseline.
    const own = new Set((await t.services.purchases.basketsOf('c0001')).flatMap((b) => b.productIds).filter((p) => Number(p.slice(1)) < 60));
    const top = await t.services.recommend.rank('c0001', { limit: 1, personalized: true });
    expect(own.has(top[0]!.productId)).toBe(true);
  });

  it('promotes the repeat-first mode where shoppers rebuy their staples, and every scan ranks with it', async () => {
    // Shoppers rebuy four staples and also walk a chain of items new to them (models' synthetic store).
    const t = await storeWith('repeat-sequence', 300, {}, 4);
    t.services.modelLifecycle.trainNow();
    await t.services.modelLifecycle.whenIdle();
    const { decisions: [d], serving } = await stateOf(t);
    expect(d).toMatchObject({ outcome: 'promoted', served: { kind: 'model', repeatFirst: 3 } });
    expect(d!.reason).toMatch(/^ranking mode repeat-first c=3 chosen on \d+ validation shoppers/);
    expect(serving).toEqual({ status: 'loaded', ranker: d!.candidate!.version, reason: null });

    // Served: each shopper's items bought in 3+ baskets lead, by own count (GP-ties' repeat
    // block), and the model's picks follow. The same artifact in its own order does not do that.
    const repeatBlockLeads = async (customerId: string) => {
      const count = new Map<string, number>();
      for (const b of await t.services.purchases.basketsOf(customerId)) for (const p of new Set(b.productIds)) count.set(p, (count.get(p) ?? 0) + 1);
      const staples = [...count.values()].filter((n) => n >= 3).length;
      const counts = (await t.services.recommend.rank(customerId, { limit: 10, personalized: true })).map((r) => count.get(r.productId) ?? 0);
      const head = counts.slice(0, staples);
      return head.every((n, k) => n >= 3 && (k === 0 || n <= head[k - 1]!)) && counts.slice(staples).every((n) => n < 3);
    };
    const shoppers = Array.from({ length: 40 }, (_, k) => `c${String(k).padStart(4, '0')}`);
    for (const c of shoppers) expect(await repeatBlockLeads(c)).toBe(true);
    const served = d!.served.kind === 'model' ? d!.served : null;
    await t.services.recommend.useRanker({ kind: 'model', version: served!.version, artifactDir: served!.artifactDir, sha256: served!.sha256 });
    const plain = await Promise.all(shoppers.map(repeatBlockLeads));
    expect(plain.filter((ok) => !ok).length).toBeGreaterThan(0);
  });

  it('a store with too little history trains nothing and serves the default baseline, never a model from elsewhere', async () => {
    const t = await storeWith('sequence', 40);
    t.services.modelLifecycle.trainNow();
    await t.services.modelLifecycle.whenIdle();
    const { decisions: [d], serving } = await stateOf(t);
    expect(d).toMatchObject({ outcome: 'insufficient-history', customers: 40, candidate: null, served: { kind: 'baseline', name: 'GP-TopFreq+popTies' } });
    expect(serving.status).toBe('baseline');
  });

  it('refuses a corrupt promoted artifact at the next start and serves a baseline, saying why', async () => {
    const t = await storeWith('sequence', 200);
    t.services.modelLifecycle.trainNow();
    await t.services.modelLifecycle.whenIdle();
    const { decisions: [d] } = await stateOf(t);
    expect(d!.outcome).toBe('promoted');
    await t.app.close();
    writeFileSync(join(d!.candidate!.artifactDir!, 'model.onnx'), 'not a model');

    const again = await build({ ...FAST, DATA_DIR: t.dataDir });
    const health = again.services.recommend.health();
    expect(health.status).toBe('fallback');
    expect(health.reason).toMatch(/^VITRINA_ERR_MODEL_INVALID: model.onnx is 11 bytes and does not match model.json/);
    const ranked = await again.services.recommend.rank('c0000', { limit: 3, personalized: true });
    expect(ranked).toHaveLength(3);
  });
});
