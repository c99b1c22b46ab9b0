/**
 * Editing a chain campaign or promotion at head office: every publication carries the whole
 * entity with a new version, and each store applies it in full, in version order, once. Real
 * parts: a hub and two leaf nats-servers (one link cut by its proxy), two edge servers on their
 * own SQLite files, head office publishing through its API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { downStreamName, downSubject, type ChainCampaign, type ChainPromotion, type DownEnvelope, type PublishTarget } from '@vitrina/contracts';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config/load.js';
import { TEST_PASSWORD_COST } from '../../test-support/build.js';
import { seedLoyaltyStore } from '../../test-support/loyalty-store.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../../roles/headoffice/index.js';

const SLOW = 240_000;
type Built = Awaited<ReturnType<typeof buildApp>>;
interface Store { id: string; built: Built; customers: string[]; dir: string }

const TARGET: PublishTarget = { scope: 'stores', storeIds: ['e1', 'e2'] };
const offer = (offerId: string, productId: string, discountValue: number, title = `${discountValue}% off ${productId}`) =>
  ({ offerId, productId, title, discountKind: 'percent' as const, discountValue });

/** v1 of the campaign: everyone treated (holdout 0), two offers. */
const V1: ChainCampaign = {
  campaign: { id: 'c-edit', name: 'Spring', startsOn: '2026-01-01', endsOn: '2026-12-31', holdoutPct: 0, priority: 0, status: 'live' },
  offers: [offer('o-milk', 'p-milk', 10), offer('o-coffee', 'p-coffee', 15)],
};
/** v2: renamed, new window, everyone new held out (holdout 100), milk changed, coffee removed, bread added. */
const V2: ChainCampaign = {
  campaign: { ...V1.campaign, name: 'Spring, extended', startsOn: '2026-02-01', endsOn: '2027-01-31', holdoutPct: 100, priority: 5 },
  offers: [offer('o-milk', 'p-milk', 25, 'A quarter off milk'), offer('o-bread', 'p-bread', 20)],
};
/** v3: paused and renamed again; offers as in v2. */
const V3: ChainCampaign = { campaign: { ...V2.campaign, name: 'Spring (paused)', status: 'paused' }, offers: V2.offers };

const promo = (value: number, name: string) => ({
  name, discount: { type: 'percent' as const, value }, target: { scope: 'product' as const, productIds: ['p-apples'] }, audience: { type: 'all' as const },
  conditions: { startsOn: '2026-01-01', endsOn: '2026-12-31' }, stacking: 'stackable' as const, limits: {},
});

/** What a store holds of the chain campaign: the campaign and its offers by head office's id. */
async function heldCampaign(s: Store) {
  const c = await s.built.services.campaigns.get('c-edit');
  const offers = await s.built.services.db.all<{ id: string; source_ref: string; product_id: string; title: string; discount_value: number; starts_on: string; ends_on: string; status: string }>(
    "SELECT id, source_ref, product_id, title, discount_value, starts_on, ends_on, status FROM offers WHERE campaign_id = 'c-edit' ORDER BY source_ref",
  );
  return { c, offers };
}

const appliedVersion = async (s: Store, kind: string, entity: string) =>
  (await s.built.services.chainSync!.repo.applied()).find((a) => a.kind === kind && a.entity_id === entity);

describe('chain: a campaign or promotion edited at head office is applied whole, in version order, once', () => {
  let cluster: ChainCluster;
  let hq: { app: HeadOfficeApp; services: HeadOfficeServices; dir: string; marketer: { authorization: string } };
  const stores: Store[] = [];
  const store = (id: string) => stores.find((s) => s.id === id)!;
  const publish = async (path: 'campaigns' | 'promotions', payload: ChainCampaign | ChainPromotion) => {
    const res = await hq.app.inject({ method: 'POST', url: `/api/v1/hq/publish/${path}`, headers: hq.marketer, payload: { target: TARGET, payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { version: number };
  };

  beforeAll(async () => {
    cluster = await startChainCluster([{ id: 'e1', region: 'east' }, { id: 'e2', region: 'east' }]);
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-edits-hq-'));
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' as const, ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword });
    const { app, services } = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST });
    await app.ready();
    await services.auth.createUser('hq-admin', 'correct horse battery', 'admin');
    await services.auth.createUser('hq-marketer', 'correct horse battery', 'marketer');
    const admin = { authorization: `Bearer ${(await services.auth.login('hq-admin', 'correct horse battery')).token}` };
    const marketer = { authorization: `Bearer ${(await services.auth.login('hq-marketer', 'correct horse battery')).token}` };
    hq = { app, services, dir, marketer };
    for (const id of ['e1', 'e2']) {
      expect((await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: admin, payload: { id, name: `Store ${id}`, region: 'east' } })).statusCode).toBe(200);
      const storeDir = mkdtempSync(join(tmpdir(), `vitrina-edits-${id}-`));
      const storeConfig = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: storeDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_ID: id, CHAIN_NATS_URL: cluster.store(id).url, CHAIN_REGION: 'east', ...cluster.store(id).edgeEnv });
      const built = await buildApp({ config: storeConfig, secret: randomBytes(32).toString('hex'), passwordCost: TEST_PASSWORD_COST });
      await built.app.ready();
      const { customers } = await seedLoyaltyStore(built.services, 4);
      stores.push({ id, built, customers, dir: storeDir });
    }
  }, SLOW);
  afterAll(async () => {
    for (const s of stores) { await s.built.app.close(); rmSync(s.dir, { recursive: true, force: true }); }
    await hq?.app.close();
    if (hq) rmSync(hq.dir, { recursive: true, force: true });
    await cluster?.close();
  }, SLOW);

  it('v1 → v2 applies name, window, holdout and offers in full; assigned shoppers keep their arm; a redelivered v1 changes nothing; a store cut off during v2 and v3 converges to v3', async () => {
    const [e1, e2] = [store('e1'), store('e2')];
    // A store-local campaign head office happens to reuse the id of: never touched.
    await e1.built.services.campaigns.create({ id: 'local-only', name: 'Our own', startsOn: '2026-03-01', endsOn: '2026-03-31', holdoutPct: 20 });

    expect(await publish('campaigns', V1)).toMatchObject({ version: 1 });
    for (const s of [e1, e2]) await waitFor(`${s.id} applies v1`, async () => (await appliedVersion(s, 'campaigns', 'c-edit'))?.version === 1, 60_000, 200);
    const v1 = await heldCampaign(e1);
    expect(v1.c).toMatchObject({ name: 'Spring', startsOn: '2026-01-01', endsOn: '2026-12-31', holdoutPct: 0, status: 'live' });
    expect(v1.offers.map((o) => [o.source_ref, o.product_id, o.discount_value, o.status])).toEqual([['chain:o-coffee', 'p-coffee', 15, 'live'], ['chain:o-milk', 'p-milk', 10, 'live']]);
    const milkOfferId = v1.offers.find((o) => o.source_ref === 'chain:o-milk')!.id;

    // Two shoppers of e1 are assigned under holdout 0: both treatment.
    const [assigned, later] = [e1.customers.slice(0, 2), e1.customers[3]!];
    await e1.built.services.campaigns.assignAll('c-edit', assigned);
    const arms = () => e1.built.services.db.all<{ customer_id: string; arm: string }>("SELECT customer_id, arm FROM campaign_assignments WHERE campaign_id = 'c-edit' ORDER BY customer_id");
    expect(await arms()).toEqual(assigned.map((customer_id) => ({ customer_id, arm: 'treatment' })));

    // e2's WAN goes down; v2 and v3 are published meanwhile.
    cluster.store('e2').proxy.cut();
    expect(await publish('campaigns', V2)).toMatchObject({ version: 2 });
    await waitFor('e1 applies v2', async () => (await appliedVersion(e1, 'campaigns', 'c-edit'))?.version === 2, 60_000, 200);
    const v2 = await heldCampaign(e1);
    expect(v2.c).toMatchObject({ name: 'Spring, extended', startsOn: '2026-02-01', endsOn: '2027-01-31', holdoutPct: 100, priority: 5, status: 'live' });
    expect(v2.offers.map((o) => [o.source_ref, o.product_id, o.title, o.discount_value, o.starts_on, o.ends_on, o.status])).toEqual([
      ['chain:o-bread', 'p-bread', '20% off p-bread', 20, '2026-02-01', '2027-01-31', 'live'],
      ['chain:o-coffee', 'p-coffee', '15% off p-coffee', 15, '2026-01-01', '2026-12-31', 'ended'],
      ['chain:o-milk', 'p-milk', 'A quarter off milk', 25, '2026-02-01', '2027-01-31', 'live'],
    ]);
    // The milk offer was rewritten in place: the same store offer (its clips and lifecycle stay).
    expect(v2.offers.find((o) => o.source_ref === 'chain:o-milk')!.id).toBe(milkOfferId);

    // Holdout 0 → 100: the shoppers assigned before keep treatment (they still get the offers),
    // a shopper met for the first time now is held out.
    const live = await e1.built.services.offers.live('2026-06-15');
    const campaignOffers = live.filter((o) => o.campaign_id === 'c-edit');
    expect(campaignOffers.map((o) => o.product_id).sort()).toEqual(['p-bread', 'p-milk']);
    const before = await e1.built.services.campaigns.filterForSession(assigned[0]!, campaignOffers, '2026-06-15');
    expect([...before.allowed.keys()].sort()).toEqual(campaignOffers.map((o) => o.id).sort());
    await before.record([]);
    const fresh = await e1.built.services.campaigns.filterForSession(later, campaignOffers, '2026-06-15');
    expect(fresh.allowed.size).toBe(0);
    await fresh.record([]);
    expect(await arms()).toEqual([...assigned.map((customer_id) => ({ customer_id, arm: 'treatment' })), { customer_id: later, arm: 'control' }]);

    // v1 redelivered after v2 (a replay under a new message id, which JetStream cannot dedupe): skipped by version.
    const nc = await cluster.hq();
    const subject = downSubject({ scope: 'store', storeId: 'e1' }, 'campaigns');
    const jsm = await jetstreamManager(nc);
    const stream = downStreamName({ scope: 'store', storeId: 'e1' });
    const first = (await jsm.streams.getMessage(stream, { seq: (await jsm.streams.info(stream)).state.first_seq }))!.json<DownEnvelope<ChainCampaign>>();
    expect(first).toMatchObject({ entityId: 'c-edit', version: 1 });
    await jetstream(nc).publish(subject, JSON.stringify(first), { msgID: `${first.key}:replay` });
    await nc.close();
    await waitFor('e1 reads the replay', async () => (await e1.built.services.chainSync!.status()).inboxPending === 0, 60_000, 200);
    expect(await heldCampaign(e1)).toEqual(v2);
    expect(await appliedVersion(e1, 'campaigns', 'c-edit')).toMatchObject({ version: 2 });

    expect(await publish('campaigns', V3)).toMatchObject({ version: 3 });
    await waitFor('e1 applies v3', async () => (await appliedVersion(e1, 'campaigns', 'c-edit'))?.version === 3, 60_000, 200);
    const v3 = await heldCampaign(e1);
    expect(v3.c).toMatchObject({ name: 'Spring (paused)', status: 'paused', holdoutPct: 100 });
    expect(v3.offers).toEqual(v2.offers);

    // e2 was at v1 all along; its link returns and it converges to v3.
    expect(await heldCampaign(e2)).toMatchObject({ c: { name: 'Spring', status: 'live' } });
    cluster.store('e2').proxy.restore();
    await waitFor('e2 converges to v3', async () => (await appliedVersion(e2, 'campaigns', 'c-edit'))?.version === 3, 120_000, 250);
    const e2v3 = await heldCampaign(e2);
    expect(e2v3.c).toEqual(v3.c);
    expect(e2v3.offers.map((o) => [o.source_ref, o.product_id, o.title, o.discount_value, o.starts_on, o.ends_on, o.status]))
      .toEqual(v3.offers.map((o) => [o.source_ref, o.product_id, o.title, o.discount_value, o.starts_on, o.ends_on, o.status]));

    // Head office's publication of a campaign with the store-local id: e1 refuses it and keeps its own.
    await publish('campaigns', { campaign: { id: 'local-only', name: 'Taken over?', startsOn: '2026-01-01', endsOn: '2026-12-31', holdoutPct: 50, status: 'paused' } });
    await waitFor('e1 records the refusal', async () => (await appliedVersion(e1, 'campaigns', 'local-only'))?.outcome.startsWith('rejected'), 60_000, 200);
    expect(await e1.built.services.campaigns.get('local-only')).toMatchObject({ name: 'Our own', holdoutPct: 20, status: 'live' });
    await waitFor('e2 applies it (it has no campaign of its own by that id)', async () => (await appliedVersion(e2, 'campaigns', 'local-only'))?.outcome === 'created', 60_000, 200);
    expect(await e2.built.services.campaigns.get('local-only')).toMatchObject({ name: 'Taken over?', status: 'paused' });
  }, SLOW);

  it('an edited promotion replaces its definition and status; a store\'s own promotion with the same id is left alone', async () => {
    const [e1, e2] = [store('e1'), store('e2')];
    await e2.built.services.promotions.create({ id: 'apples', ...promo(5, 'Local apples') });
    await publish('promotions', { promotionId: 'apples', definition: promo(10, 'Apples 10%'), status: 'live' });
    await publish('promotions', { promotionId: 'apples', definition: promo(30, 'Apples 30%'), status: 'paused' });
    await waitFor('e1 applies v2', async () => (await appliedVersion(e1, 'promotions', 'apples'))?.version === 2, 60_000, 200);
    expect(await e1.built.services.promotions.get('apples')).toMatchObject({ status: 'paused', definition: { name: 'Apples 30%', discount: { value: 30 } } });
    await waitFor('e2 records v2', async () => (await appliedVersion(e2, 'promotions', 'apples'))?.version === 2, 60_000, 200);
    expect((await appliedVersion(e2, 'promotions', 'apples'))!.outcome).toMatch(/^rejected: .*store's own/);
    expect(await e2.built.services.promotions.get('apples')).toMatchObject({ status: 'live', definition: { name: 'Local apples', discount: { value: 5 } } });
  }, SLOW);
});
