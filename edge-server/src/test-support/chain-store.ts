/**
 * The application parts of a chain test on top of `startChainCluster`: an edge server of one
 * store (in process, its own temp SQLite file, linked to its leaf) and head office (in process,
 * its own SQLite file, ingesting from the hub as the "hq" user). Real parts only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config/load.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../roles/headoffice/index.js';
import { TEST_PASSWORD_COST } from './build.js';
import { seedLoyaltyStore } from './loyalty-store.js';
import type { ChainCluster } from './chain-cluster.js';

type Built = Awaited<ReturnType<typeof buildApp>>;
export interface ChainEdgeStore {
  id: string;
  dataDir: string;
  t: Built;
  staffHeaders(role: 'admin' | 'marketer' | 'staff'): Promise<{ authorization: string }>;
  /** Card numbers and customer ids of the seeded members (`cust-1` …, the same ids at every store). */
  cards: string[];
  customers: string[];
  close(): Promise<void>;
}

/** Starts the edge server of `id` on the cluster's leaf for that store (with its credential), seeded with members. */
export async function startChainStore(cluster: ChainCluster, id: string): Promise<ChainEdgeStore> {
  const s = cluster.store(id);
  const dataDir = mkdtempSync(join(tmpdir(), `vitrina-chain-${id}-`));
  const config = loadConfig({}, {
    NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_ID: id, CHAIN_NATS_URL: s.url, CHAIN_REGION: s.region ?? '',
    STORE_TIME_ZONE: 'America/New_York', ...s.edgeEnv,
  });
  const built = await buildApp({ config, secret: randomBytes(32).toString('hex'), passwordCost: TEST_PASSWORD_COST });
  await built.app.ready();
  let n = 0;
  const staffHeaders = async (role: 'admin' | 'marketer' | 'staff') => {
    const username = `${role}-${++n}`;
    await built.services.auth.createUser(username, 'correct horse battery', role);
    return { authorization: `Bearer ${(await built.services.auth.login(username, 'correct horse battery')).token}` };
  };
  const { cards, customers } = await seedLoyaltyStore(built.services);
  return {
    id, dataDir, t: built, staffHeaders, cards, customers,
    async close() {
      await built.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChainHeadOffice {
  app: HeadOfficeApp;
  services: HeadOfficeServices;
  dir: string;
  admin: { authorization: string };
  close(): Promise<void>;
}

/** Starts head office on the cluster's hub and registers the stores. */
export async function startChainHeadOffice(cluster: ChainCluster, stores: readonly { id: string; region?: string | null }[]): Promise<ChainHeadOffice> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-chain-hq-'));
  const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' as const, ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword });
  const { app, services } = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST });
  await app.ready();
  await services.auth.createUser('hq-admin', 'correct horse battery', 'admin');
  const admin = { authorization: `Bearer ${(await services.auth.login('hq-admin', 'correct horse battery')).token}` };
  for (const r of stores) {
    const res = await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: admin, payload: { id: r.id, name: `Store ${r.id}`, region: r.region ?? 'main' } });
    if (res.statusCode !== 200) throw new Error(`registering ${r.id}: ${res.statusCode} ${res.body}`);
  }
  return {
    app, services, dir, admin,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
