/**
 * A shopper erased at a store is erased at head office, end to end on real parts: a hub and two
 * leaf nats-servers, two edge servers and head office, each on its own SQLite file. Covers the
 * erasure going up in order after what was already sent, a message still in the store's outbox
 * when the erasure committed (it goes up without the id, after the erasure), a replayed erasure,
 * and the privacy scan of head office's database files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { STREAMS, upSubject, type ChainErasure, type UpEnvelope } from '@vitrina/contracts';
import { sale } from '../../test-support/loyalty-store.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';
import { startChainHeadOffice, startChainStore, type ChainEdgeStore, type ChainHeadOffice } from '../../test-support/chain-store.js';

const SLOW = 240_000;

/** Every message of the hub's VITRINA_UP, in order. */
async function hubUp(cluster: ChainCluster): Promise<UpEnvelope[]> {
  const nc = await cluster.hq();
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STREAMS.hubUp);
    const out: UpEnvelope[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(STREAMS.hubUp, { seq }).catch(() => null);
      if (m) out.push(m.json<UpEnvelope>());
    }
    return out;
  } finally {
    await nc.close();
  }
}

describe('erasure across the chain: a store erases a shopper, head office keeps nothing personal about them', () => {
  let cluster: ChainCluster;
  let hq: ChainHeadOffice;
  let s1: ChainEdgeStore;
  let s2: ChainEdgeStore;
  const hqCount = async (sql: string, params: string[] = []) => (await hq.services.db.get<{ n: number }>(sql, params))!.n;
  const post = async (store: ChainEdgeStore, card: string | undefined) => {
    const body = sale(card, [['p-milk', 2, 349], ['p-coffee', 1, 1299]]);
    const res = await store.t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers: await store.staffHeaders('staff'), payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return body.receiptId as string;
  };
  const hqFilesContain = (needle: string) => ['', '-wal', '-journal'].some((suffix) => {
    const file = join(hq.dir, 'headoffice.sqlite') + suffix;
    return existsSync(file) && readFileSync(file).includes(Buffer.from(needle));
  });

  beforeAll(async () => {
    const stores = [{ id: 's1', region: 'north' }, { id: 's2', region: 'north' }];
    cluster = await startChainCluster(stores);
    hq = await startChainHeadOffice(cluster, stores);
    s1 = await startChainStore(cluster, 's1');
    s2 = await startChainStore(cluster, 's2');
  }, SLOW);
  afterAll(async () => {
    await s1?.close();
    await s2?.close();
    await hq?.close();
    await cluster?.close();
  }, SLOW);

  it('erases at head office what was sent before, sends what was pending without the id, and leaves other shoppers and stores alone', async () => {
    // s1: two receipts of cust-1 (the shopper to erase), one of cust-2; s2: cust-2 only, so a
    // byte search for "cust-1" in head office's files is about s1's shopper alone.
    await post(s1, s1.cards[0]);
    await post(s1, s1.cards[0]);
    await post(s1, s1.cards[1]);
    await post(s2, s2.cards[1]);
    await waitFor('head office has every receipt and ledger entry', async () =>
      (await hqCount('SELECT COUNT(*) AS n FROM hq_receipts')) === 4 && (await hqCount("SELECT COUNT(*) AS n FROM hq_ledger WHERE customer_ref = 'cust-1'")) > 0, 120_000, 250);
    const keptLedger = await hq.services.db.all("SELECT store_id, customer_ref, SUM(points) AS p FROM hq_ledger WHERE customer_ref <> 'cust-1' GROUP BY store_id, customer_ref ORDER BY store_id, customer_ref");
    expect(keptLedger.length).toBe(2);
    expect(hqFilesContain('cust-1')).toBe(true);

    // The store's leaf goes down: the next receipt of cust-1 stays in the store's outbox; the erasure commits meanwhile.
    await cluster.stopLeaf('s1');
    const pendingReceipt = await post(s1, s1.cards[0]);
    const erased = await s1.t.app.inject({ method: 'POST', url: `/api/v1/customers/${s1.customers[0]}/erase`, headers: await s1.staffHeaders('admin') });
    expect(erased.statusCode, erased.body).toBe(200);
    const pending = (await s1.t.services.chainSync!.repo.pending(50)).map((r) => r.kind);
    expect(pending).toContain('receipts');
    expect(pending.at(-1)).toBe('erasure');
    await cluster.startLeaf('s1');

    await waitFor('head office applied the erasure', async () => (await hq.services.ingestRepo.erasures('s1')).length === 1, 120_000, 250);
    await waitFor('head office has the pending receipt', async () => (await hqCount("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's1'")) === 4, 120_000, 250);
    await waitFor('the store outbox is empty', async () => (await s1.t.services.chainSync!.status()).outboxPending === 0, 60_000, 250);

    // Head office: s1's cust-1 has no receipt link, no ledger, no event link; every sale is still counted.
    expect(await hqCount("SELECT COUNT(*) AS n FROM hq_receipts WHERE customer_ref = 'cust-1'")).toBe(0);
    expect(await hqCount("SELECT COUNT(*) AS n FROM hq_receipts WHERE store_id = 's1' AND customer_ref IS NULL")).toBe(3);
    expect(await hqCount("SELECT COUNT(*) AS n FROM hq_ledger WHERE customer_ref = 'cust-1'")).toBe(0);
    expect(await hqCount("SELECT COUNT(*) AS n FROM hq_events WHERE customer_ref = 'cust-1'")).toBe(0);
    expect(await hq.services.db.all("SELECT store_id, customer_ref, SUM(points) AS p FROM hq_ledger WHERE customer_ref <> 'cust-1' GROUP BY store_id, customer_ref ORDER BY store_id, customer_ref")).toEqual(keptLedger);
    const [record] = await hq.services.ingestRepo.erasures('s1');
    expect(record).toMatchObject({ receiptsUnlinked: 2, deadLettersRedacted: 0 });
    expect(record!.key).toMatch(/^s1:erasure:seq-\d+$/);
    expect(JSON.stringify(record)).not.toContain('cust-1');

    // The hub's stream: nothing the store published after the erasure names the shopper: the
    // pending receipt went without the id, its ledger entries not at all; the only messages with
    // the id are the two receipts (and their ledger entries) sent before, and the erasure itself.
    const up = (await hubUp(cluster)).filter((e) => e.storeId === 's1');
    const naming = up.filter((e) => JSON.stringify(e.payload).includes('cust-1'));
    expect(naming.filter((e) => e.kind === 'receipts')).toHaveLength(2);
    expect(naming.filter((e) => e.kind === 'erasure').map((e) => (e.payload as ChainErasure).customerId)).toEqual(['cust-1']);
    const late = up.find((e) => e.kind === 'receipts' && (e.payload as { receiptId: string }).receiptId === pendingReceipt);
    expect(late?.payload).toMatchObject({ customerId: null });

    // The privacy scan: head office's database files no longer contain the id.
    expect(hqFilesContain('cust-1')).toBe(false);
    expect(hqFilesContain('cust-2')).toBe(true);
  }, SLOW);

  it('a replayed erasure changes nothing at head office', async () => {
    const before = await hq.services.db.all('SELECT * FROM hq_erasures');
    const erasure = (await hubUp(cluster)).find((e) => e.kind === 'erasure')!;
    const duplicates = hq.services.ingest!.counters.duplicates;
    // Re-sent from the store's leaf under another message id (as after the dedupe window): head office's key catches it.
    const leaf = await connect({ servers: cluster.store('s1').url, ...cluster.store('s1').clientAuth });
    await jetstream(leaf).publish(upSubject('s1', 'erasure'), JSON.stringify(erasure), { msgID: `${erasure.key}:replayed` });
    await leaf.close();
    await waitFor('head office read the replay', () => hq.services.ingest!.counters.duplicates > duplicates, 120_000, 250);
    expect(await hq.services.db.all('SELECT * FROM hq_erasures')).toEqual(before);
    expect(hqFilesContain('cust-1')).toBe(false);
  }, SLOW);
});
