/**
 * Chain bench (JSON lines): head-office ingest, replication lag and catch-up after a partition,
 * on a real hub nats-server and real leaf nats-servers on this machine.
 *
 * 100 leaf processes do not fit a 2-core box next to everything else, so 100 simulated stores
 * share `--leaves` leaf nodes (default 4): each store has its own user on its leaf (it may
 * publish only `vitrina.up.<its id>.>`) and its own connection; each leaf's VITRINA_OUTBOX holds
 * its stores' subjects and the hub's VITRINA_UP sources every leaf, as in production. The
 * stores publish envelopes straight to their leaf (no edge server in the loop: the edge
 * server's outbox path is what the chain tests cover).
 *
 *   npx tsx edge-server/bench/chain.ts [--stores 100] [--leaves 4] [--receipts 20] [--lag-seconds 10]
 *                                      [--partition-s 60] [--rate 20] [--hq-receipts 5000]
 * The issue's partition is 10 minutes: `--partition-s 600`.
 *
 * Last, head office's own ingest into its SQLite file (`chain-hq-ingest`): `--hq-receipts` real
 * receipts (3 lines each) from the 100 stores through their leaves, then head office's consumer
 * (roles/headoffice/ingest) reads them into a fresh database twice: one transaction per message
 * (`batch 1`, as before batching) and batched (the default), same messages, same machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { CONSUMERS, DEDUPE_WINDOW_MS, STREAMS, upKey, upStoreFilter, upSubject, type ChainReceipt, type UpEnvelope } from '@vitrina/contracts';
import { openHeadOfficeDatabase } from '../src/roles/headoffice/database.js';
import { DEFAULT_MAX_BATCH, IngestConsumer } from '../src/roles/headoffice/ingest/ingest-consumer.js';
import { IngestRepository } from '../src/roles/headoffice/ingest/ingest-repository.js';
import { NATS_SERVER, startLinkProxy, waitFor, type LinkProxy } from '../src/test-support/chain-cluster.js';
import { freePort } from '../src/test-support/free-ports.js';
import { emit, percentiles } from './report.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const STORES = arg('stores', 100);
const LEAVES = arg('leaves', 4);
const RECEIPTS = arg('receipts', 20);
const LAG_SECONDS = arg('lag-seconds', 10);
const PARTITION_S = arg('partition-s', 60);
const RATE = arg('rate', 20);
const HQ_RECEIPTS = arg('hq-receipts', 5000);

const dir = mkdtempSync(join(tmpdir(), 'vitrina-chain-bench-'));
const procs: ChildProcess[] = [];
function nats(conf: string) {
  const p = spawn(NATS_SERVER, ['-c', conf], { stdio: 'ignore' });
  procs.push(p);
  return p;
}

const storeIds = Array.from({ length: STORES }, (_, i) => `b${String(i + 1).padStart(3, '0')}`);
const leafOf = (i: number) => i % LEAVES;
const password = (id: string) => `pw-${id}`;

async function main() {
  const hubPort = await freePort();
  const hubLeafPort = await freePort();
  const leafPorts: number[] = [];
  const proxies: LinkProxy[] = [];
  for (let l = 0; l < LEAVES; l++) {
    leafPorts.push(await freePort());
    proxies.push(await startLinkProxy(hubLeafPort));
  }
  writeFileSync(join(dir, 'hub.conf'), `server_name: hub
listen: 127.0.0.1:${hubPort}
jetstream { domain: hub, store_dir: ${JSON.stringify(join(dir, 'hub'))} }
leafnodes { listen: 127.0.0.1:${hubLeafPort} }
`);
  nats(join(dir, 'hub.conf'));
  for (let l = 0; l < LEAVES; l++) {
    const users = storeIds.filter((_, i) => leafOf(i) === l).map((id) => `{ user: "${id}", password: "${password(id)}", permissions: { publish: ["${upStoreFilter(id)}"], subscribe: ["_INBOX.>"] } }`);
    writeFileSync(join(dir, `leaf${l}.conf`), `server_name: leaf${l}
listen: 127.0.0.1:${leafPorts[l]}
jetstream { domain: L${l}, store_dir: ${JSON.stringify(join(dir, `leaf${l}`))} }
authorization { users: [ { user: "admin", password: "admin" }, ${users.join(', ')} ] }
leafnodes { reconnect: 1, remotes: [ { url: "nats-leaf://127.0.0.1:${proxies[l]!.port}" } ] }
`);
    nats(join(dir, `leaf${l}.conf`));
  }

  const hq = await waitFor('hub', () => connect({ servers: `nats://127.0.0.1:${hubPort}` }), 30_000);
  const hjsm = await jetstreamManager(hq);
  for (let l = 0; l < LEAVES; l++) {
    const admin = await waitFor(`leaf ${l}`, () => connect({ servers: `nats://127.0.0.1:${leafPorts[l]}`, user: 'admin', pass: 'admin' }), 30_000);
    await waitFor(`leaf ${l} linked`, async () => (await admin.request('$JS.hub.API.INFO', '', { timeout: 1000 }), true), 60_000, 200);
    const jsm = await jetstreamManager(admin);
    await jsm.streams.add({ name: STREAMS.storeOutbox, subjects: storeIds.filter((_, i) => leafOf(i) === l).map(upStoreFilter), duplicate_window: nanos(DEDUPE_WINDOW_MS) });
    await admin.close();
  }
  await hjsm.streams.add({
    name: STREAMS.hubUp, subjects: [], duplicate_window: nanos(DEDUPE_WINDOW_MS),
    sources: Array.from({ length: LEAVES }, (_, l) => ({ name: STREAMS.storeOutbox, external: { api: `$JS.L${l}.API`, deliver: '' } })),
  });

  // One connection and JetStream client per simulated store, with its own credential.
  const stores: { id: string; nc: NatsConnection; js: JetStreamClient; n: number }[] = [];
  for (const [i, id] of storeIds.entries()) {
    const nc = await connect({ servers: `nats://127.0.0.1:${leafPorts[leafOf(i)]}`, user: id, pass: password(id) });
    stores.push({ id, nc, js: jetstream(nc), n: 0 });
  }
  const publish = (s: (typeof stores)[number]) => {
    const localId = `r${++s.n}`;
    const env: UpEnvelope = { v: 1, storeId: s.id, key: upKey(s.id, 'receipts', localId), kind: 'receipts', occurredAt: new Date().toISOString(), payload: { receiptId: localId, sentAt: Date.now() } };
    return s.js.publish(upSubject(s.id, 'receipts'), JSON.stringify(env), { msgID: env.key });
  };
  const hubCount = async () => (await hjsm.streams.info(STREAMS.hubUp)).state.messages;

  // 1. Ingest: every store posts RECEIPTS receipts as fast as its leaf acks; HQ rate = all of them stored at the hub / time.
  const t0 = performance.now();
  await Promise.all(stores.map(async (s) => {
    for (let k = 0; k < RECEIPTS; k++) await publish(s);
  }));
  const tAcked = performance.now();
  const total = STORES * RECEIPTS;
  await waitFor('hub ingest', async () => (await hubCount()) >= total, 600_000, 50);
  const tHub = performance.now();
  emit({ bench: 'chain-ingest', stores: STORES, leaf_nodes: LEAVES, receipts: total, leaf_acked_per_s: Math.round(total / ((tAcked - t0) / 1000)), hq_ingest_per_s: Math.round(total / ((tHub - t0) / 1000)), seconds: Math.round((tHub - t0)) / 1000, load1: loadavg()[0] });

  // 2. Lag: every store posts 1 receipt/s for LAG_SECONDS; HQ's ordered consumer notes arrival − send.
  const lags: number[] = [];
  const hjs = jetstream(hq);
  const consumer = await hjs.consumers.get(STREAMS.hubUp, { opt_start_seq: total + 1 });
  const messages = await consumer.consume();
  void (async () => {
    for await (const m of messages) lags.push(Date.now() - (m.json<UpEnvelope<{ sentAt: number }>>().payload.sentAt));
  })();
  const lagTotal = STORES * LAG_SECONDS;
  for (let sec = 0; sec < LAG_SECONDS; sec++) {
    const tick = Date.now();
    await Promise.all(stores.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / STORES));
      await publish(s);
    }));
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
  }
  await waitFor('lag samples', () => lags.length >= lagTotal, 120_000, 50);
  messages.stop();
  emit({ bench: 'chain-lag', stores: STORES, per_store_per_s: 1, samples: lags.length, ...percentiles(lags), load1: loadavg()[0] });

  // 3. Catch-up: one store posts RATE receipts/s; its leaf's link is cut for PARTITION_S, then restored.
  const s = stores[0]!;
  const proxy = proxies[leafOf(0)]!;
  let posting = true;
  let posted = 0;
  const poster = (async () => {
    const start = Date.now();
    while (posting) {
      await publish(s);
      posted++;
      const due = start + (posted * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
  })();
  // Wait for what was posted before the cut to be at the hub, then cut.
  await new Promise((r) => setTimeout(r, 500));
  const postedBefore = posted;
  await waitFor('pre-partition receipts at the hub', async () => (await hubCount()) >= STORES * (RECEIPTS + LAG_SECONDS) + postedBefore, 60_000, 20);
  const before = await hubCount();
  const postedAtCut = posted;
  proxy.cut();
  await new Promise((r) => setTimeout(r, PARTITION_S * 1000));
  const backlog = posted - postedAtCut;
  const atHubDuringPartition = (await hubCount()) - before;
  const tRestore = performance.now();
  proxy.restore();
  // Caught up when the hub holds everything posted before the link returned (the store keeps posting meanwhile).
  await waitFor('catch-up', async () => (await hubCount()) >= before + backlog, 600_000, 50);
  const catchUpS = (performance.now() - tRestore) / 1000;
  posting = false;
  await poster;
  emit({ bench: 'chain-catch-up', partition_s: PARTITION_S, rate_per_s: RATE, backlog, reached_hub_during_partition: atHubDuringPartition, catch_up_s: Math.round(catchUpS * 100) / 100, note: PARTITION_S < 600 ? 'shorter than the issue\'s 10 minutes: pass --partition-s 600 for it' : undefined, load1: loadavg()[0] });

  // 4. Head office's ingest into its own SQLite file, one transaction per message vs batched.
  const firstSeq = (await hjsm.streams.info(STREAMS.hubUp)).state.last_seq + 1;
  const receiptOf = (id: string, i: number): ChainReceipt => ({
    receiptId: id, kind: 'sale', customerId: `c${i % 500}`, originalReceiptId: null, localDate: new Date().toISOString().slice(0, 10), totalMinor: 1500, payableMinor: 1500, storeTime: new Date().toISOString(),
    lines: [1, 2, 3].map((lineNo) => ({ lineNo, productId: `p${(i + lineNo) % 200}`, quantity: 1, unitPriceMinor: 500, discountMinor: 0, promoDiscountMinor: 0, netMinor: 500, pointsEarned: 5, pointsRedeemed: 0, originalLineNo: null })),
  });
  const perStore = Math.ceil(HQ_RECEIPTS / STORES);
  await Promise.all(stores.map(async (st) => {
    for (let k = 0; k < perStore; k++) {
      const localId = `hq${k}`;
      const env: UpEnvelope = { v: 1, storeId: st.id, key: upKey(st.id, 'receipts', localId), kind: 'receipts', occurredAt: new Date().toISOString(), payload: receiptOf(localId, k) };
      await st.js.publish(upSubject(st.id, 'receipts'), JSON.stringify(env), { msgID: env.key });
    }
  }));
  const hqTotal = perStore * STORES;
  await waitFor('hq receipts at the hub', async () => (await hubCount()) >= firstSeq - 1 + hqTotal, 600_000, 50);
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  for (const maxBatch of [1, DEFAULT_MAX_BATCH]) {
    const hqDir = mkdtempSync(join(tmpdir(), 'vitrina-chain-bench-hq-'));
    const db = await openHeadOfficeDatabase(hqDir);
    await hjsm.consumers.delete(STREAMS.hubUp, CONSUMERS.hqIngest).catch(() => undefined);
    await hjsm.consumers.add(STREAMS.hubUp, {
      durable_name: CONSUMERS.hqIngest, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: firstSeq, ack_wait: nanos(30_000), max_ack_pending: 1_000,
    });
    const ingest = new IngestConsumer(jetstream(hq), new IngestRepository(db), quiet, undefined, maxBatch);
    const t = performance.now();
    await ingest.start();
    await waitFor('hq ingest', () => ingest.counters.stored + ingest.counters.duplicates + ingest.counters.refused >= hqTotal, 1_200_000, 20);
    const seconds = (performance.now() - t) / 1000;
    await ingest.stop();
    const stored = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM hq_receipts'))!.n;
    await db.close();
    rmSync(hqDir, { recursive: true, force: true });
    emit({
      bench: 'chain-hq-ingest', max_batch: maxBatch, receipts: hqTotal, lines_per_receipt: 3, stored, refused: ingest.counters.refused, transactions: ingest.counters.batches,
      receipts_per_s: Math.round(hqTotal / seconds), seconds: Math.round(seconds * 100) / 100, load1: loadavg()[0],
    });
  }

  for (const x of stores) await x.nc.close();
  await hq.close();
  for (const p of proxies) await p.close();
}

try {
  await main();
} finally {
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
