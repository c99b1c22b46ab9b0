/**
 * Catalogue, prices and signage content published at head office, applied by the stores, with
 * real parts: a hub and three leaf nats-servers (one store's link cut and restored), three edge
 * servers on their own SQLite files, head office with its own SQLite and media library. Prices go
 * only where they are targeted; media bytes reach a store's library byte-identical; a corrupt or
 * oversized object is refused with its code and writes nothing; the store that was offline converges.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_STORES, type LayoutInput, type ScheduleInput } from '@vitrina/contracts';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config/load.js';
import { TEST_PASSWORD_COST } from '../../test-support/build.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../../roles/headoffice/index.js';
import { startChainCluster, waitFor, type ChainCluster } from '../../test-support/chain-cluster.js';

const SLOW = 300_000;
type Built = Awaited<ReturnType<typeof buildApp>>;
const PASSWORD = 'correct horse battery';
const REGIONS = [{ id: 'c1', region: 'north' }, { id: 'c2', region: 'north' }, { id: 'c3', region: 'south' }];

async function* once(b: Buffer) { yield b; }
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('chain down-flow: catalogue, prices and signage content from head office', () => {
  let cluster: ChainCluster;
  let hq: { app: HeadOfficeApp; services: HeadOfficeServices; admin: { authorization: string } };
  const stores = new Map<string, Built>();
  const dirs: string[] = [];
  const tmp = (p: string) => { const d = mkdtempSync(join(tmpdir(), p)); dirs.push(d); return d; };
  const store = (id: string) => stores.get(id)!;
  const applied = (id: string) => store(id).services.chainSync!.repo.applied();
  const appliedVersion = async (id: string, kind: string, entityId: string) => (await applied(id)).find((a) => a.kind === kind && a.entity_id === entityId);
  const price = (id: string, productId: string) => store(id).services.catalog.get(productId).then((p) => p.priceMinor, () => undefined);
  const publish = async (path: string, payload: object) => {
    const res = await hq.app.inject({ method: 'POST', url: `/api/v1/hq/${path}`, headers: hq.admin, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { entityId: string; version: number; storeIds: string[] };
  };

  beforeAll(async () => {
    cluster = await startChainCluster(REGIONS);
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: tmp('vitrina-chain-content-hq-'), LOG_LEVEL: 'silent' as const, ROLE: 'headoffice', HQ_NATS_URL: cluster.hubUrl, HQ_NATS_USER: cluster.hqUser, HQ_NATS_PASSWORD: cluster.hqPassword });
    const built = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST });
    await built.app.ready();
    await built.services.auth.createUser('hq-admin', PASSWORD, 'admin');
    hq = { ...built, admin: { authorization: `Bearer ${(await built.services.auth.login('hq-admin', PASSWORD)).token}` } };
    for (const r of REGIONS) await built.services.stores.register({ id: r.id, name: `Store ${r.id}`, region: r.region });
    for (const r of REGIONS) {
      const storeConfig = loadConfig({}, {
        NODE_ENV: 'test', DATA_DIR: tmp(`vitrina-chain-content-${r.id}-`), DEMO_SEED: false, LOG_LEVEL: 'silent' as const, STORE_ID: r.id,
        CHAIN_NATS_URL: cluster.store(r.id).url, CHAIN_REGION: r.region, ...cluster.store(r.id).edgeEnv,
        // c1 takes small files only: the oversized object below is refused there.
        ...(r.id === 'c1' ? { MEDIA_IMAGE_MAX_BYTES: 150_000, MEDIA_VIDEO_MAX_BYTES: 150_000 } : {}),
      });
      const s = await buildApp({ config: storeConfig, secret: randomBytes(32).toString('hex'), passwordCost: TEST_PASSWORD_COST });
      await s.app.ready();
      await s.services.devices.upsertZone('entrance', 'Entrance');
      stores.set(r.id, s);
    }
  }, SLOW);
  afterAll(async () => {
    for (const s of stores.values()) await s.app.close();
    await hq?.app.close();
    await cluster?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, SLOW);

  it('a products CSV previewed at head office reaches every store; a price change for one store reaches only that store; the store that was offline converges', async () => {
    // c3's WAN is down for the whole publication.
    cluster.store('c3').proxy.cut();
    const csv = 'id,name,group_path,price_minor,barcodes\np-tea,Green tea,Drinks > Tea,250,4600000000015\np-jam,Cherry jam,Pantry > Jam,399,\nbad id!,Broken,,1,\n';
    const preview = await hq.app.inject({ method: 'POST', url: '/api/v1/hq/catalog/preview', headers: hq.admin, payload: { format: 'csv', files: [{ name: 'products.csv', base64: Buffer.from(csv).toString('base64') }] } });
    expect(preview.statusCode, preview.body).toBe(200);
    const { products, prices, rejectedCount } = preview.json() as { products: { id: string; department?: string }[]; prices: { productId: string; priceMinor: number }[]; rejectedCount: number };
    expect(products.map((p) => [p.id, p.department])).toEqual([['p-tea', 'Drinks'], ['p-jam', 'Pantry']]);
    expect(prices).toEqual([{ productId: 'p-tea', priceMinor: 250 }, { productId: 'p-jam', priceMinor: 399 }]);
    expect(rejectedCount).toBe(1);

    await publish('publish/catalog', { target: { scope: 'all' }, payload: { products } });
    const chainPrices = await publish('publish/prices', { target: { scope: 'all' }, payload: { prices } });
    for (const id of ['c1', 'c2']) await waitFor(`${id} applies the chain's prices`, () => appliedVersion(id, 'prices', chainPrices.entityId), 90_000, 200);
    expect(await price('c1', 'p-tea')).toBe(250);

    const cut = await publish('publish/prices', { target: { scope: 'stores', storeIds: ['c1'] }, payload: { prices: [{ productId: 'p-tea', priceMinor: 199 }] } });
    expect(cut.storeIds).toEqual(['c1']);
    // A later publication for c2 only: once c2 applied it, c2 has read past the c1 price's time.
    const barrier = await publish('publish/prices', { target: { scope: 'stores', storeIds: ['c2'] }, payload: { prices: [{ productId: 'p-jam', priceMinor: 420 }] } });

    await waitFor('c1 takes its own price', async () => (await price('c1', 'p-tea')) === 199, 90_000, 200);
    await waitFor('c2 applies its own publication', () => appliedVersion('c2', 'prices', barrier.entityId), 90_000, 200);
    expect(await price('c2', 'p-tea')).toBe(250);
    expect(await price('c2', 'p-jam')).toBe(420);
    expect(await price('c1', 'p-jam')).toBe(399);
    expect((await store('c2').services.catalog.get('p-tea')).barcodes).toEqual(['4600000000015']);
    // c3 has nothing while it is offline.
    expect(await applied('c3')).toEqual([]);

    cluster.store('c3').proxy.restore();
    await waitFor('c3 catches up with the chain-wide prices', async () => (await price('c3', 'p-jam')) === 399, 120_000, 250);
    expect(await price('c3', 'p-tea')).toBe(250);
    expect((await applied('c3')).map((a) => a.kind)).toEqual(['catalog', 'prices']);
  }, SLOW);

  it('an image and a layout with a schedule published to a region: the file arrives byte-identical in each of its stores\' media libraries, the layout and schedule in their signage, nothing elsewhere', async () => {
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
    const { item } = await hq.services.media.upload(once(png), 'spring.png', 'image/png');
    expect(item.id).toBe(sha(png));
    const layout = {
      id: 'chain-spring', name: 'Spring', template: 'main-ticker',
      regions: [
        { regionId: 'main', slides: [{ id: 'img', kind: 'image', media: { mediaId: item.id, url: item.url, sha256: item.id }, title: 'Spring', body: '', durationMs: 8000 }] },
        { regionId: 'ticker', slides: [{ id: 't', kind: 'ticker', text: 'Spring prices in every store', durationMs: 10000 }] },
      ],
    } satisfies LayoutInput & { id: string };
    const schedule: ScheduleInput = { defaultLayoutId: 'chain-spring', entries: [], power: [] };
    const pub = await publish('publish/signage', { target: { scope: 'region', region: 'north' }, zoneId: 'entrance', layouts: [layout], schedule });
    expect(pub.storeIds).toEqual(['c1', 'c2']);
    // A chain-wide barrier so c3 has read past the region's publication time.
    const barrier = await publish('publish/prices', { target: { scope: 'all' }, payload: { prices: [{ productId: 'p-jam', priceMinor: 405 }] } });

    for (const id of ['c1', 'c2']) {
      const outcome = await waitFor(`${id} applies the signage`, async () => (await appliedVersion(id, 'content', 'entrance'))?.outcome, 90_000, 200);
      expect(outcome).toBe('media: 1, layouts: 1, schedule: entrance');
      const s = store(id).services;
      const local = await s.media.get(item.id);
      expect(readFileSync(join(s.media.libDir, `${local.id}.png`)).equals(png)).toBe(true);
      const stored = await s.signage.layout('chain-spring');
      expect(stored.regions[0]!.slides[0]).toMatchObject({ kind: 'image', media: { mediaId: local.id, url: local.url, sha256: sha(png) } });
      expect((await s.signage.schedule('entrance')).defaultLayoutId).toBe('chain-spring');
    }
    await waitFor('c3 applies the chain-wide barrier', () => appliedVersion('c3', 'prices', barrier.entityId), 90_000, 200);
    const c3 = store('c3').services;
    expect(await c3.media.list()).toEqual([]);
    await expect(c3.signage.layout('chain-spring')).rejects.toThrow();
  }, SLOW);

  it('a corrupt object (bytes that do not match the sha256) and an oversized one are refused with their codes and write nothing', async () => {
    const os = await hq.services.hub!.objects(OBJECT_STORES.media);
    const good = randomBytes(2000);
    const forged = randomBytes(2000);
    // The object named by one hash holds other bytes (a corrupt copy).
    await os.putBlob({ name: sha(good) }, forged);
    const big = await sharp({ create: { width: 600, height: 600, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png({ compressionLevel: 0 }).toBuffer();
    await hq.services.publish.putMedia(big, 'image/png');
    const before = { media: await store('c1').services.media.list(), layouts: (await store('c1').services.signage.layouts()).layouts.length };
    const layout = (mediaSha: string) => ({
      id: `chain-${mediaSha.slice(0, 8)}`, name: 'Bad', template: 'full' as const,
      regions: [{ regionId: 'main', slides: [{ id: 'x', kind: 'image' as const, media: { mediaId: mediaSha, url: `/media/lib/${mediaSha}.png`, sha256: mediaSha }, title: '', body: '', durationMs: 5000 }] }],
    });
    const target = { scope: 'stores' as const, storeIds: ['c1'] };
    const corrupt = await hq.services.publish.contentPayload(target, { zoneId: 'entrance', items: [], media: [{ name: sha(good), sha256: sha(good), bytes: good.length, mime: 'image/png', filename: 'x.png' }], layouts: [layout(sha(good))] }, 'corrupt', 'test');
    await waitFor('c1 refuses the corrupt object', async () => ((await appliedVersion('c1', 'content', 'entrance'))?.version ?? 0) >= corrupt.version, 90_000, 200);
    expect((await appliedVersion('c1', 'content', 'entrance'))!.outcome).toMatch(/^rejected: VITRINA_ERR_CHAIN_MEDIA_CORRUPT: /);

    const oversized = await hq.services.publish.contentPayload(target, { zoneId: 'entrance', items: [], media: [{ name: sha(big), sha256: sha(big), bytes: big.length, mime: 'image/png', filename: 'big.png' }], layouts: [layout(sha(big))] }, 'oversized', 'test');
    await waitFor('c1 refuses the oversized object', async () => ((await appliedVersion('c1', 'content', 'entrance'))?.version ?? 0) >= oversized.version, 90_000, 200);
    expect((await appliedVersion('c1', 'content', 'entrance'))!.outcome).toMatch(/^rejected: VITRINA_ERR_MEDIA_TOO_LARGE: /);

    const s = store('c1').services;
    expect(await s.media.list()).toEqual(before.media);
    expect((await s.signage.layouts()).layouts).toHaveLength(before.layouts);
    expect((await s.media.filesOnDisk()).tmp).toEqual([]);
    expect((await s.signage.schedule('entrance')).defaultLayoutId).toBe('chain-spring');
  }, SLOW);
});
