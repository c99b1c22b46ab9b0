import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_STORES, upSubject, type ChainCampaign, type ChainStoresView, type UpEnvelope, type UpKind } from '@vitrina/contracts';
import { armFor } from '../../domains/promotions/index.js';
import { loadConfig } from '../../platform/config/load.js';
import { startNatsServer, type NatsServer } from '../../test-support/hq-nats.js';
import { TEST_PASSWORD_COST } from '../../test-support/build.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from './index.js';

const campaign: ChainCampaign = { campaign: { id: 'cmp_winter', name: 'Winter', startsOn: '2026-11-01', endsOn: '2026-11-30', holdoutPct: 50, status: 'live' } };
const at = '2026-11-10T12:00:00.000Z';
const env = (storeId: string, kind: UpKind, id: string | number, payload: unknown): UpEnvelope => ({ v: 1, storeId, key: `${storeId}:${kind}:${id}`, kind, occurredAt: at, payload });
const sale = (id: string, customerId: string, totalMinor: number) => ({
  receiptId: id, kind: 'sale', customerId, originalReceiptId: null, localDate: '2026-11-10', totalMinor, payableMinor: totalMinor, storeTime: at,
  lines: [{ lineNo: 1, productId: 'p1', quantity: 1, unitPriceMinor: totalMinor, discountMinor: 0, promoDiscountMinor: 0, netMinor: totalMinor, pointsEarned: 0, pointsRedeemed: 0, originalLineNo: null }],
});

describe('head office (ROLE=headoffice): real app, real SQLite, real nats-server', () => {
  let nats: NatsServer;
  let app: HeadOfficeApp;
  let services: HeadOfficeServices;
  let dir: string;
  let admin: { authorization: string };
  let marketer: { authorization: string };

  const headers = async (role: 'admin' | 'marketer') => {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await services.auth.createUser(username, 'correct horse battery', role);
    return { authorization: `Bearer ${(await services.auth.login(username, 'correct horse battery')).token}` };
  };
  const up = (e: UpEnvelope) => services.hub!.js.publish(upSubject(e.storeId, e.kind), JSON.stringify(e), { msgID: e.key });
  const downCount = async (stream: string) => (await services.hub!.jsm.streams.info(stream)).state.messages;

  beforeAll(async () => {
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-'));
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', ROLE: 'headoffice', HQ_NATS_URL: nats.url, HQ_NATS_DIRECT: true });
    ({ app, services } = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST }));
    await app.ready();
    admin = await headers('admin');
    marketer = await headers('marketer');
  });
  afterAll(async () => {
    await app?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers as head office and keeps its staff routes behind sign-in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/hq/role' })).json()).toEqual({ role: 'headoffice' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/hq/stores' })).statusCode).toBe(401);
  });

  it('registers stores by region; a bad id is refused with a code', async () => {
    for (const [id, region] of [['s1', 'north'], ['s2', 'north'], ['s3', 'south']]) {
      const res = await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: admin, payload: { id, name: `Store ${id}`, region } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, region, health: 'never', messages: 0 });
    }
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: admin, payload: { id: 'no.dots', name: 'x', region: 'north' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VITRINA_ERR_VALIDATION');
    expect((await app.inject({ method: 'PUT', url: '/api/v1/hq/stores', headers: marketer, payload: { id: 's4', name: 'x', region: 'north' } })).statusCode).toBe(403);
  });

  it('publishes a campaign to one region only, with a version per entity; unknown targets are refused', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/hq/publish/campaigns', headers: marketer, payload: { target: { scope: 'region', region: 'north' }, payload: campaign } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'campaigns', entityId: 'cmp_winter', version: 1, storeIds: ['s1', 's2'], subjects: ['vitrina.down.region.north.campaigns'] });
    expect(await downCount('VITRINA_DOWN_REGION_north')).toBe(1);
    expect(await downCount('VITRINA_DOWN_REGION_south')).toBe(0);
    expect(await downCount('VITRINA_DOWN_ALL')).toBe(0);
    const msg = await services.hub!.jsm.streams.getMessage('VITRINA_DOWN_REGION_north', { last_by_subj: 'vitrina.down.region.north.campaigns' });
    expect(msg!.json()).toMatchObject({ v: 1, storeId: 'hq', kind: 'campaigns', entityId: 'cmp_winter', version: 1, target: { scope: 'region', region: 'north' } });

    const listed = await app.inject({ method: 'POST', url: '/api/v1/hq/publish/catalog', headers: admin, payload: { target: { scope: 'stores', storeIds: ['s1', 's9'] }, payload: { products: [] } } });
    expect(listed.statusCode).toBe(404);
    expect(listed.json().error.message).toMatch(/s9/);
    expect(await downCount('VITRINA_DOWN_STORE_s1')).toBe(0);
    const empty = await app.inject({ method: 'POST', url: '/api/v1/hq/publish/campaigns', headers: marketer, payload: { target: { scope: 'region', region: 'west' }, payload: campaign } });
    expect(empty.statusCode).toBe(404);
    expect(empty.json().error.code).toBe('VITRINA_ERR_STORE_UNKNOWN');
    expect((await app.inject({ method: 'POST', url: '/api/v1/hq/publish/prices', headers: marketer, payload: { target: { scope: 'all' }, payload: { prices: [] } } })).statusCode).toBe(403);

    const prices = await app.inject({ method: 'POST', url: '/api/v1/hq/publish/prices', headers: admin, payload: { target: { scope: 'stores', storeIds: ['s1', 's3'] }, payload: { prices: [{ productId: 'p1', priceMinor: 199 }] } } });
    expect(prices.statusCode).toBe(201);
    expect(prices.json().subjects).toEqual(['vitrina.down.store.s1.prices', 'vitrina.down.store.s3.prices']);
    expect(await downCount('VITRINA_DOWN_STORE_s2')).toBe(0);
  });

  it('puts content media in the object store by sha256 and sends the playlist', async () => {
    const png = Buffer.from('not really a png, but bytes');
    const res = await app.inject({
      method: 'POST', url: '/api/v1/hq/publish/content', headers: marketer,
      payload: { target: { scope: 'all' }, payload: { zoneId: 'entrance', items: [] }, media: [{ contentType: 'image/png', base64: png.toString('base64') }] },
    });
    expect(res.statusCode).toBe(201);
    const msg = await services.hub!.jsm.streams.getMessage('VITRINA_DOWN_ALL', { last_by_subj: 'vitrina.down.all.content' });
    const media = (msg!.json() as { payload: { media: Array<{ name: string; bytes: number }> } }).payload.media;
    expect(media).toHaveLength(1);
    const os = await services.hub!.objects(OBJECT_STORES.media);
    expect(Buffer.from((await os.getBlob(media[0]!.name))!)).toEqual(png);
  });

  it('ingests what stores send, shows their lag, KPIs and the campaign\'s pooled lift', async () => {
    // 40 members scanned per north store; the treatment arm all buy, half the control arm buy.
    for (const store of ['s1', 's2']) {
      for (let k = 0; k < 40; k++) {
        const customer = `c${k}`;
        await up(env(store, 'events', k, { eventId: k, type: 'scan', at, deviceId: 'k1', customerId: customer, sessionId: null, data: {} }));
        const buys = armFor(campaign.campaign.id, customer, 50) === 'treatment' || k % 2 === 0;
        if (buys) await up(env(store, 'receipts', `r${k}`, sale(`r${k}`, customer, 1000)));
      }
    }
    await up(env('s3', 'survey', 'a1', { answerId: 'a1', kioskId: 'k', zoneId: null, customerId: null, score: 10, reasons: [], comment: null, at, day: '2026-11-10' }));
    await services.hub!.js.publish(upSubject('s3', 'receipts'), JSON.stringify(env('s1', 'receipts', 'x', sale('x', 'c1', 1))), { msgID: 'forged' });
    await services.ingest!.whenCaughtUp();

    const stores = (await app.inject({ method: 'GET', url: '/api/v1/hq/stores', headers: marketer })).json() as ChainStoresView;
    expect(stores.hub).toBe('connected');
    expect(stores.ingestPending).toBe(0);
    const s1 = stores.stores.find((s) => s.id === 's1')!;
    expect(s1.messages).toBeGreaterThanOrEqual(60);
    expect(s1.health).toBe('ok');
    expect(s1.lastDelayMs).toBeGreaterThan(0);

    const letters = (await app.inject({ method: 'GET', url: '/api/v1/hq/dead-letters', headers: admin })).json();
    expect(letters).toMatchObject([{ code: 'VITRINA_ERR_CHAIN_STORE_MISMATCH', storeId: 's3' }]);

    const kpis = (await app.inject({ method: 'GET', url: '/api/v1/hq/analytics/kpis?from=2026-11-01&to=2026-11-30', headers: marketer })).json();
    const byStore = Object.fromEntries(kpis.stores.map((r: { storeId: string }) => [r.storeId, r]));
    expect(byStore.s3).toMatchObject({ receipts: 0, surveyAnswers: 1, nps: 100 });
    expect(kpis.chain.receipts).toBe(byStore.s1.receipts + byStore.s2.receipts);
    expect(byStore.s1.memberShare).toBe(1);

    const lift = (await app.inject({ method: 'GET', url: '/api/v1/hq/analytics/campaigns/cmp_winter', headers: marketer })).json();
    expect(lift.stores.map((s: { storeId: string }) => s.storeId)).toEqual(['s1', 's2']);
    for (const s of lift.stores) {
      expect(s.treatment.shoppers + s.control.shoppers).toBe(40);
      expect(s.treatment.buyers).toBe(s.treatment.shoppers);
    }
    expect(lift.conversion.diff).toBeGreaterThan(0.2);
    expect(lift.conversion.lo).toBeGreaterThan(0);
    expect(lift.conversion.se).toBeLessThan(Math.min(...lift.stores.map((s: { conversion: { se: number } }) => s.conversion.se)));
    expect((await app.inject({ method: 'GET', url: '/api/v1/hq/analytics/campaigns/nope', headers: marketer })).statusCode).toBe(404);
  });
});
