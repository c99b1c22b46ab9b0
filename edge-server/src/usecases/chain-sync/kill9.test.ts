/**
 * kill -9 of a store's edge server in the middle of a burst of receipts: every receipt the till
 * was told was posted (HTTP 200) reaches head office once, after the server restarts. The outbox
 * row commits in the same SQLite transaction as the receipt (013 triggers), so nothing between
 * "committed" and "published" can be lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { STREAMS, type UpEnvelope } from '@vitrina/contracts';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config/load.js';
import { TEST_PASSWORD_COST } from '../../test-support/build.js';
import { seedLoyaltyStore, sale } from '../../test-support/loyalty-store.js';
import { spawnEdgeServer, type ServerProcess } from '../../test-support/server-process.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';

const SLOW = 300_000;

async function hubReceiptIds(cluster: ChainCluster): Promise<string[]> {
  const nc = await cluster.hq();
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STREAMS.hubUp);
    const ids: string[] = [];
    for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(STREAMS.hubUp, { seq }).catch(() => null);
      const e = m?.json<UpEnvelope>();
      if (e?.kind === 'receipts') ids.push((e.payload as { receiptId: string }).receiptId);
    }
    return ids;
  } finally {
    await nc.close();
  }
}

describe('chain: kill -9 a store mid-burst', () => {
  let cluster: ChainCluster;
  let dataDir: string;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    cluster = await startChainCluster([{ id: 'k1' }]);
    dataDir = mkdtempSync(join(tmpdir(), 'vitrina-kill9-'));
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
    await cluster?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, SLOW);

  it('loses nothing that was acknowledged', async () => {
    // The store's products and a staff session, written before the server process starts.
    const prep = await buildApp({ config: loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const }), secret: randomBytes(32).toString('hex'), passwordCost: TEST_PASSWORD_COST });
    await seedLoyaltyStore(prep.services);
    await prep.services.auth.createUser('till', 'correct horse battery', 'staff');
    const { token } = await prep.services.auth.login('till', 'correct horse battery');
    await prep.app.close();

    const env = { STORE_ID: 'k1', CHAIN_NATS_URL: cluster.store('k1').url, ...cluster.store('k1').edgeEnv, DEMO_SEED: 'false', TRAINING_HOUR: '-1', TRAINING_ON_FIRST_START: 'false' };
    server = await spawnEdgeServer({ dataDir, env, quiet: true });
    const url = server.url;
    const acked: string[] = [];
    let attempted = 0;
    const killAt = 25;
    const worker = async () => {
      for (;;) {
        if (attempted >= 200) return;
        attempted++;
        const body = sale(undefined, [['p-bread', 1, 450], ['p-apples', 3, 399]]);
        const res = await fetch(`${url}/api/v1/receipts`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null);
        if (!res) return; // the server is gone
        if (res.status === 200) acked.push(body.receiptId);
        if (acked.length === killAt) server!.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(acked.length).toBeGreaterThanOrEqual(killAt);
    expect(attempted).toBeLessThan(200); // it really died mid-burst

    server = await spawnEdgeServer({ dataDir, env, quiet: true });
    await waitFor('every acknowledged receipt at the hub', async () => {
      const ids = new Set(await hubReceiptIds(cluster));
      return acked.every((id) => ids.has(id));
    }, 120_000, 250);
    const ids = await hubReceiptIds(cluster);
    expect(new Set(ids).size).toBe(ids.length); // none twice
  }, SLOW);
});
