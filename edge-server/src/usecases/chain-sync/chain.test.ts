/**
 * The chain on loopback with real parts: one hub nats-server, three leaf nats-servers (one per
 * store, each behind a proxy the test cuts), three edge servers on their own SQLite files, and
 * head office (roles/headoffice, its own SQLite) ingesting from the hub as the "hq" user.
 * The hub's VITRINA_UP stream is also read directly, to show exactly-once at the stream itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DEDUPE_WINDOW_MS, STREAMS, downSubject, type DownEnvelope, type UpEnvelope, type ChainLedgerEntry, type ChainCampaign } from '@vitrina/contracts';
import { randomUUID } from 'node:crypto';
import { sale } from '../../test-support/loyalty-store.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';
import { startChainHeadOffice, startChainStore, type ChainEdgeStore, type ChainHeadOffice } from '../../test-support/chain-store.js';

const SLOW = 240_000;

/** Every message of the hub's VITRINA_UP stream, in order, as envelopes. */
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

interface Store extends ChainEdgeStore { headers: { authorization: string }; acked: string[] }

/** An edge server of the chain, in process, on its own temp SQLite file; lives across this file's tests. */
async function startStore(cluster: ChainCluster, id: string): Promise<Store> {
  const s = await startChainStore(cluster, id);
  return Object.assign(s, { headers: await s.staffHeaders('staff'), acked: [] as string[] });
}

async function post(store: Store, n: number) {
  for (let i = 0; i < n; i++) {
    const body = sale(store.cards[i % store.cards.length], [['p-milk', 2, 349], ['p-coffee', 1, 1299]]);
    const res = await store.t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers: store.headers, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    store.acked.push(body.receiptId);
  }
}

const receiptKeys = (up: UpEnvelope[], storeId: string) => up.filter((e) => e.storeId === storeId && e.kind === 'receipts').map((e) => (e.payload as { receiptId: string }).receiptId);

describe('chain over NATS JetStream: three stores, one hub, head office', () => {
  let cluster: ChainCluster;
  let stores: Store[];
  let hq: ChainHeadOffice;
  beforeAll(async () => {
    const regions = [{ id: 's1', region: 'north' }, { id: 's2', region: 'north' }, { id: 's3', region: 'south' }];
    cluster = await startChainCluster(regions);
    hq = await startChainHeadOffice(cluster, regions);
  }, SLOW);
  afterAll(async () => {
    for (const s of stores ?? []) await s.close();
    await hq?.close();
    await cluster?.close();
  }, SLOW);

  it('store-and-forward: a store cut off keeps posting, and after the link returns head office has every receipt exactly once and the same balances', async () => {
    stores = [];
    for (const id of ['s1', 's2', 's3']) stores.push(await startStore(cluster, id));
    for (const s of stores) await post(s, 4);
    await waitFor('the first receipts at the hub', async () => (await hubUp(cluster)).filter((e) => e.kind === 'receipts').length === 12, 120_000, 250);

    // s3's WAN goes down: the till keeps posting (200s), its leaf keeps them.
    const s3 = stores[2]!;
    cluster.store('s3').proxy.cut();
    await post(s3, 6);
    await post(stores[0]!, 2);
    const leaf = await (await import('@nats-io/transport-node')).connect({ servers: cluster.store('s3').url, ...cluster.store('s3').clientAuth });
    await waitFor('s3 outbox drained into its own leaf', async () => (await s3.t.services.chainSync!.status()).outboxPending === 0 && (await (await jetstreamManager(leaf)).streams.info(STREAMS.storeOutbox)).state.messages >= 10 + 4, 60_000, 200);
    // The link really is down (the leaf cannot reach the hub's API), and the hub has only s3's first receipts.
    await expect(leaf.request('$JS.hub.API.INFO', '', { timeout: 1_000 })).rejects.toThrow();
    await leaf.close();
    expect(receiptKeys(await hubUp(cluster), 's3')).toHaveLength(4);

    cluster.store('s3').proxy.restore();
    const expected = stores.flatMap((s) => s.acked.map((r) => `${s.id}/${r}`)).sort();
    await waitFor('every receipt at the hub', async () => {
      const up = await hubUp(cluster);
      return up.filter((e) => e.kind === 'receipts').length >= expected.length;
    }, 120_000, 250);
    const up = await hubUp(cluster);
    const got = up.filter((e) => e.kind === 'receipts').map((e) => `${e.storeId}/${(e.payload as { receiptId: string }).receiptId}`).sort();
    expect(got).toEqual(expected); // each once: no duplicates, none missing

    // Balances: head office folds the ledger entries it got; they equal each store's own.
    await waitFor('ledger entries at the hub', async () => {
      const hub = (await hubUp(cluster)).filter((e) => e.kind === 'ledger').length;
      let local = 0;
      for (const s of stores) local += (await s.t.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM points_ledger'))!.n;
      return hub === local;
    }, 60_000, 250);
    const ledger = (await hubUp(cluster)).filter((e) => e.kind === 'ledger');
    for (const s of stores) {
      const local = await s.t.services.db.all<{ customer_id: string; points: number }>('SELECT customer_id, SUM(points) AS points FROM points_ledger GROUP BY customer_id ORDER BY customer_id');
      const hq = new Map<string, number>();
      for (const e of ledger.filter((x) => x.storeId === s.id)) {
        const p = e.payload as ChainLedgerEntry;
        hq.set(p.customerId, (hq.get(p.customerId) ?? 0) + p.points);
      }
      expect([...hq].map(([customer_id, points]) => ({ customer_id, points })).sort((a, b) => a.customer_id.localeCompare(b.customer_id))).toEqual(local);
      expect(local.length).toBeGreaterThan(0);
    }

    // Head office's own database: every receipt once, and each store's balances.
    await waitFor('head office ingested every receipt', async () => (await hq.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM hq_receipts'))!.n >= expected.length, 120_000, 250);
    const hqReceipts = await hq.services.db.all<{ id: string }>("SELECT store_id || '/' || receipt_id AS id FROM hq_receipts ORDER BY id");
    expect(hqReceipts.map((r) => r.id)).toEqual(expected);
    for (const s of stores) {
      const local = await s.t.services.db.all<{ customer_id: string; points: number }>('SELECT customer_id, SUM(points) AS points FROM points_ledger GROUP BY customer_id ORDER BY customer_id');
      await waitFor(`head office has ${s.id}'s balances`, async () => {
        const atHq = await hq.services.db.all<{ customer_id: string; points: number }>('SELECT customer_ref AS customer_id, SUM(points) AS points FROM hq_ledger WHERE store_id = ? GROUP BY customer_ref ORDER BY customer_ref', [s.id]);
        return JSON.stringify(atHq) === JSON.stringify(local);
      }, 60_000, 250);
    }
    const view = (await hq.app.inject({ method: 'GET', url: '/api/v1/hq/stores', headers: hq.admin })).json() as { hub: string; ingestPending: number | null; stores: { id: string; outboxLag: number | null }[] };
    expect(view.hub).toBe('connected');
    await waitFor('head office shows zero lag', async () => {
      const v = (await hq.app.inject({ method: 'GET', url: '/api/v1/hq/stores', headers: hq.admin })).json() as typeof view;
      return v.ingestPending === 0 && v.stores.every((x) => x.outboxLag === 0);
    }, 60_000, 250);

    // Lag back to zero: every source of VITRINA_UP is caught up and no store has anything pending.
    const nc = await cluster.hq();
    const info = await (await jetstreamManager(nc)).streams.info(STREAMS.hubUp);
    await nc.close();
    expect(info.sources?.map((x) => x.lag)).toEqual([0, 0, 0]);
    expect(info.config.duplicate_window).toBe(DEDUPE_WINDOW_MS * 1_000_000);
    for (const s of stores) expect((await s.t.services.chainSync!.status()).outboxPending).toBe(0);
  }, SLOW);

  it('a screen\'s proof of play goes up like a receipt: head office holds each play once, and a batch the screen re-sends adds nothing', async () => {
    const s1 = stores[0]!;
    const t0 = Date.now() - 60_000;
    const play = (offsetMs: number) => ({
      id: randomUUID(), itemId: 'slide-1', itemName: 'Spring sale', itemKind: 'image', mediaHash: null, layoutId: 'full', regionId: 'main',
      zoneId: 'zone-a', reason: 'scheduled', takeoverId: null,
      startedAt: new Date(t0 + offsetMs).toISOString(), endedAt: new Date(t0 + offsetMs + 8_000).toISOString(),
    });
    const batch = [play(0), play(8_000)];
    expect(await s1.t.services.proofOfPlay.accept('screen-1', batch)).toMatchObject({ inserted: 2 });
    expect(await s1.t.services.proofOfPlay.accept('screen-1', batch)).toMatchObject({ inserted: 0, duplicates: 2 });
    const atHq = async () => hq.services.db.all<{ play_id: string; duration_ms: number }>("SELECT play_id, duration_ms FROM hq_proof_of_play WHERE store_id = 's1' ORDER BY play_id");
    await waitFor('head office has the plays', async () => (await atHq()).length >= 2, 120_000, 250);
    expect(await atHq()).toEqual(batch.map((p) => ({ play_id: p.id, duration_ms: 8_000 })).sort((a, b) => a.play_id.localeCompare(b.play_id)));
    expect((await s1.t.services.chainSync!.status()).outboxPending).toBe(0);
  }, SLOW);

  it('a campaign published at head office for a region goes live in that region\'s stores only, and a redelivery changes nothing', async () => {
    const spring: ChainCampaign = { campaign: { id: 'north-spring', name: 'Spring in the north', startsOn: '2026-01-01', endsOn: '2026-12-31', holdoutPct: 10, status: 'live' } };
    const published = await hq.app.inject({ method: 'POST', url: '/api/v1/hq/publish/campaigns', headers: hq.admin, payload: { target: { scope: 'region', region: 'north' }, payload: spring } });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ entityId: 'north-spring', version: 1, storeIds: ['s1', 's2'] });
    // The same message again under a new message id (a replay JetStream cannot dedupe): the stores skip it by version.
    const nc = await cluster.hq();
    const jsm = await jetstreamManager(nc);
    const sent = (await jsm.streams.getMessage('VITRINA_DOWN_REGION_north', { last_by_subj: downSubject({ scope: 'region', region: 'north' }, 'campaigns') }))!.json<DownEnvelope<ChainCampaign>>();
    await jetstream(nc).publish(downSubject({ scope: 'region', region: 'north' }, 'campaigns'), JSON.stringify(sent), { msgID: `${sent.key}:replay` });
    await nc.close();
    // Then one for every store, as the barrier that shows s3 has read past the region's message time.
    const chainWide: ChainCampaign = { campaign: { ...spring.campaign, id: 'chain-wide', name: 'Chain-wide' } };
    expect((await hq.app.inject({ method: 'POST', url: '/api/v1/hq/publish/campaigns', headers: hq.admin, payload: { target: { scope: 'all' }, payload: chainWide } })).statusCode).toBe(201);

    for (const s of stores) {
      await waitFor(`${s.id} applies the chain-wide campaign`, () => s.t.services.campaigns.get('chain-wide').then(() => true, () => false), 60_000, 200);
    }
    for (const s of stores.slice(0, 2)) {
      await waitFor(`${s.id} applies the region's campaign`, () => s.t.services.campaigns.get('north-spring').then((c) => c.status === 'live', () => false), 60_000, 200);
      const res = await s.t.app.inject({ method: 'GET', url: '/api/v1/campaigns', headers: await s.staffHeaders('marketer') });
      expect((res.json() as { id: string }[]).filter((c) => c.id === 'north-spring')).toHaveLength(1);
    }
    for (const s of stores.slice(0, 2)) {
      await waitFor(`${s.id} reads the replay`, async () => (await s.t.services.chainSync!.status()).inboxPending === 0, 60_000, 200);
      expect((await s.t.services.chainSync!.repo.applied()).filter((a) => a.entity_id === 'north-spring')).toEqual([{ kind: 'campaigns', entity_id: 'north-spring', version: 1, outcome: 'created' }]);
    }
    await expect(stores[2]!.t.services.campaigns.get('north-spring')).rejects.toThrow();
    expect((await stores[2]!.t.services.chainSync!.repo.applied()).map((a) => a.entity_id)).toEqual(['chain-wide']);
  }, SLOW);

  it('a store\'s NKey cannot publish as another store, read another store\'s down stream, or purge or delete a stream; an unknown key is refused', async () => {
    const { connect, nkeyAuthenticator } = await import('@nats-io/transport-node');
    const { createUser } = await import('@nats-io/nkeys');
    const s1 = cluster.store('s1');
    // Signed in at the hub with s1's seed: the permissions are the same as on s1's leaf link.
    const nc = await connect({ servers: cluster.hubUrl, ...s1.clientAuth, reconnect: false });
    const errors: string[] = [];
    void (async () => {
      for await (const st of nc.status()) if (st.type === 'error') errors.push(String(st.error));
    })();
    // Its own: publish its up subjects.
    nc.publish('vitrina.up.s1.events', JSON.stringify({ ok: true }));
    await nc.flush();
    expect(errors).toEqual([]);
    // Through its leaf link, its own down stream's info answers (the reply comes back on the store's own inbox prefix).
    const leaf = await connect({ servers: s1.url, ...s1.clientAuth });
    expect((await (await jetstreamManager(leaf, { domain: 'hub' })).streams.info('VITRINA_DOWN_STORE_s1')).config.name).toBe('VITRINA_DOWN_STORE_s1');
    await leaf.close();

    const forbiddenPublish = [
      'vitrina.up.s2.receipts',
      '$JS.hub.API.CONSUMER.CREATE.VITRINA_DOWN_STORE_s2',
      '$JS.hub.API.CONSUMER.CREATE.VITRINA_DOWN_REGION_south',
      '$JS.hub.API.STREAM.PURGE.VITRINA_DOWN_ALL',
      '$JS.hub.API.STREAM.DELETE.VITRINA_UP',
      '$JS.hub.API.STREAM.DELETE.VITRINA_DOWN_STORE_s1',
      '$JS.hub.API.STREAM.MSG.DELETE.VITRINA_UP',
      '$JS.hub.API.CONSUMER.DELETE.VITRINA_UP.hq-ingest',
      '$JS.hub.API.STREAM.MSG.GET.VITRINA_UP',
      '$JS.S.forged-source-delivery',
      'vitrina.src.s2.S.forged',
      '_INBOX.someone-else',
    ];
    const forbiddenSubscribe = ['vitrina.dlv.s2.>', 'vitrina.down.>', '$JS.S.>', '_INBOX.>', '$JS.s2.API.>'];
    for (const subject of forbiddenPublish) nc.publish(subject, '{}');
    for (const subject of forbiddenSubscribe) nc.subscribe(subject);
    await nc.flush();
    await waitFor('every permissions violation', () => errors.length >= forbiddenPublish.length + forbiddenSubscribe.length, 10_000, 50);
    // The hub maps its domain's API ($JS.hub.API.…) onto its own ($JS.API.…) before it checks, and names that subject.
    const named = (subject: string) => [subject, subject.replace('$JS.hub.API.', '$JS.API.')];
    for (const subject of forbiddenPublish) expect(errors.some((e) => /permission/i.test(e) && named(subject).some((x) => e.includes(`Publish to "${x}"`))), subject).toBe(true);
    for (const subject of forbiddenSubscribe) expect(errors.some((e) => /permission/i.test(e) && e.includes(`Subscription to "${subject}"`)), subject).toBe(true);
    await nc.close();

    // Nothing was purged or deleted: head office still has its streams and their messages.
    const hqNc = await cluster.hq();
    const hjsm = await jetstreamManager(hqNc);
    expect((await hjsm.streams.info(STREAMS.hubUp)).state.messages).toBeGreaterThan(0);
    expect((await hjsm.streams.info('VITRINA_DOWN_ALL')).state.messages).toBeGreaterThan(0);
    await hqNc.close();

    // A key the hub does not know is refused outright, and s1's seed does not open s2's leaf.
    const stranger = createUser();
    await expect(connect({ servers: cluster.hubUrl, authenticator: nkeyAuthenticator(stranger.getSeed()), reconnect: false })).rejects.toThrow(/auth/i);
    await expect(connect({ servers: cluster.store('s2').url, ...s1.clientAuth, reconnect: false })).rejects.toThrow(/auth/i);
    // The leaf link's password is wrong-credential-proof too.
    await expect(connect({ servers: cluster.hubUrl, user: 's1', pass: 'not-the-password', reconnect: false })).rejects.toThrow(/auth/i);
  }, SLOW);
});
