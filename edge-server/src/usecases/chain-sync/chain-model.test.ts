/**
 * A chain model end to end: head office publishes a real trained ONNX model (object store +
 * `model` message to every store); each store fetches the files through its leaf link and its
 * own gate decides on its own shoppers. The store whose shoppers follow the pattern the model
 * learned serves it; the store whose shoppers do not keeps what it served.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticStoreBaskets, trainAndDecide } from '@vitrina/models';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config/load.js';
import { TEST_PASSWORD_COST } from '../../test-support/build.js';
import { insertStoreReceipts } from '../../test-support/store-receipts.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../../roles/headoffice/index.js';

const SLOW = 480_000;
type Built = Awaited<ReturnType<typeof buildApp>>;

describe('chain model: published by head office, gated by each store', () => {
  let cluster: ChainCluster;
  let hq: { app: HeadOfficeApp; services: HeadOfficeServices };
  const stores: { id: string; built: Built }[] = [];
  const dirs: string[] = [];
  const tmp = (p: string) => { const d = mkdtempSync(join(tmpdir(), p)); dirs.push(d); return d; };

  beforeAll(async () => {
    cluster = await startChainCluster([{ id: 'm1', region: 'north' }, { id: 'm2', region: 'north' }]);
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: tmp('vitrina-chain-model-hq-'), LOG_LEVEL: 'silent' as const, ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword });
    hq = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST });
    await hq.app.ready();
    // Registered, so their outboxes are sources of VITRINA_UP: each store's gate outcome comes back up.
    for (const id of ['m1', 'm2']) await hq.services.stores.register({ id, name: `Store ${id}`, region: 'north' });
    for (const [id, pattern] of [['m1', 'sequence'], ['m2', 'repeat']] as const) {
      const storeConfig = loadConfig({}, {
        NODE_ENV: 'test', DATA_DIR: tmp(`vitrina-chain-model-${id}-`), DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_ID: id,
        CHAIN_NATS_URL: cluster.store(id).url, ...cluster.store(id).edgeEnv, CHAIN_REGION: 'north', TRAINING_EPOCHS: 6, TRAINING_MIN_CUSTOMERS: 100,
      });
      const built = await buildApp({ config: storeConfig, secret: randomBytes(32).toString('hex'), passwordCost: TEST_PASSWORD_COST });
      await built.app.ready();
      await insertStoreReceipts(built.services, syntheticStoreBaskets({ customers: 200, basketsPerCustomer: 7, pattern, seed: 11 }));
      await built.services.recommend.refreshAggregates();
      stores.push({ id, built });
    }
  }, SLOW);
  afterAll(async () => {
    for (const s of stores) await s.built.app.close();
    await hq?.app.close();
    await cluster?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, SLOW);

  it('the store whose shoppers it fits serves it; the other keeps its own', async () => {
    // A real chain model, trained the way head office trains (lifecycle pipeline, ONNX export).
    const d = await trainAndDecide(syntheticStoreBaskets({ customers: 300, basketsPerCustomer: 7, pattern: 'sequence', seed: 5 }), null, {
      seed: 42, minCustomers: 100, margin: 2, artifactRoot: tmp('vitrina-chain-model-art-'), label: 'chain', train: { epochs: 6 },
    });
    expect(d.outcome).toBe('promoted');
    const dir = d.candidate!.artifactDir!;
    const onnx = readFileSync(join(dir, 'model.onnx'));
    const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as object;
    await hq.services.publish.model(d.candidate!.version, onnx, manifest, 'test');

    const outcomeAt = async (id: string) => {
      const s = stores.find((x) => x.id === id)!;
      return (await s.built.services.chainSync!.repo.applied()).find((a) => a.kind === 'model')?.outcome ?? null;
    };
    const m1 = await waitFor('m1 gates the chain model', () => outcomeAt('m1'), 300_000, 500);
    const m2 = await waitFor('m2 gates the chain model', () => outcomeAt('m2'), 300_000, 500);
    expect(m1).toMatch(/^gate: promoted/);
    expect(m2).toMatch(/^gate: (kept|rejected)/);
    const m1Health = stores[0]!.built.services.recommend.health();
    expect(m1Health.version).toBe(d.candidate!.version);
    expect(stores[1]!.built.services.recommend.health().version).not.toBe(d.candidate!.version);

    // Each store's outcome goes up (a `chain_model_gate` event) and head office shows it per store.
    await hq.services.auth.createUser('hq-admin', 'correct horse battery', 'admin');
    const admin = { authorization: `Bearer ${(await hq.services.auth.login('hq-admin', 'correct horse battery')).token}` };
    const gates = await waitFor('both stores\' outcomes at head office', async () => {
      const res = await hq.app.inject({ method: 'GET', url: '/api/v1/hq/model/gates', headers: admin });
      const list = res.json() as { storeId: string; modelId: string; outcome: string }[];
      return list.length >= 2 ? list : null;
    }, 120_000, 500);
    expect(Object.fromEntries(gates.map((g) => [g.storeId, [g.modelId, g.outcome]]))).toEqual({
      m1: [d.candidate!.version, 'promoted'], m2: [d.candidate!.version, expect.not.stringMatching(/^promoted$/)],
    });
  }, SLOW);
});
