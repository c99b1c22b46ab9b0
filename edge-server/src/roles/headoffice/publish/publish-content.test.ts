/**
 * Head office's catalogue preview and signage publication over HTTP, with real parts (its own
 * SQLite, its media library on disk) and no hub: what is checked before anything is sent. The
 * sending itself (object store, stores applying it) is chain-sync/chain-content.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config/load.js';
import { TEST_PASSWORD_COST } from '../../../test-support/build.js';
import { buildHeadOfficeApp, type HeadOfficeApp, type HeadOfficeServices } from '../index.js';

const FIXTURES = join(import.meta.dirname, '../../../../e2e/fixtures/1c');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('head office: catalogue preview and signage checks', () => {
  let app: HeadOfficeApp;
  let services: HeadOfficeServices;
  let dir: string;
  const headers: Record<string, { authorization: string }> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrina-hq-publish-'));
    const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', ROLE: 'headoffice' });
    ({ app, services } = await buildHeadOfficeApp({ config, passwordCost: TEST_PASSWORD_COST }));
    await app.ready();
    for (const role of ['admin', 'marketer'] as const) {
      await services.auth.createUser(`hq-${role}`, 'correct horse battery', role);
      headers[role] = { authorization: `Bearer ${(await services.auth.login(`hq-${role}`, 'correct horse battery')).token}` };
    }
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const preview = (payload: object, role: 'admin' | 'marketer' = 'admin') => app.inject({ method: 'POST', url: '/api/v1/hq/catalog/preview', headers: headers[role], payload });

  it('reads a 1C pair (in either order) with the store\'s parsers: products with their groups, retail prices only, nothing stored', async () => {
    const files = ['offers.xml', 'import.xml'].map((name) => ({ name, base64: readFileSync(join(FIXTURES, name)).toString('base64') }));
    const res = await preview({ format: 'commerceml', files });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { products: { id: string; name: string; department?: string; barcodes?: string[] }[]; prices: { productId: string; priceMinor: number }[]; rejectedCount: number };
    const milk = view.products.find((p) => p.id === 'a2ca6752-a7be-5d7d-b1c6-58217d19ad10');
    expect(milk).toMatchObject({ name: 'Молоко Простоквашино 3,2% 930 мл', active: true });
    expect(milk!.department).toBeTruthy();
    // The retail price type (Розничная: 89.90), not the purchase one (62.93).
    expect(view.prices.find((p) => p.productId === milk!.id)).toEqual({ productId: milk!.id, priceMinor: 8990 });
    expect(view.prices.every((p) => view.products.some((x) => x.id === p.productId))).toBe(true);
  });

  it('lists bad CSV rows with their reasons, refuses an unreadable file with a code, and is for admins only', async () => {
    const csv = 'id,name,price_minor\np1,Tea,250\nbad id,Broken,1\np1,Tea again,300\np2,,100\n';
    const res = await preview({ format: 'csv', files: [{ name: 'p.csv', base64: b64(csv) }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ products: [{ id: 'p1', name: 'Tea' }], prices: [{ productId: 'p1', priceMinor: 250 }], rejectedCount: 3 });
    const badHeader = await preview({ format: 'csv', files: [{ name: 'p.csv', base64: b64('sku,title\n1,x\n') }] });
    expect(badHeader.statusCode).toBe(422);
    expect(badHeader.json()).toMatchObject({ error: { code: 'VITRINA_ERR_IMPORT_INVALID' } });
    const notXml = await preview({ format: 'commerceml', files: [{ name: 'import.xml', base64: b64('hello') }] });
    expect(notXml.json()).toMatchObject({ error: { code: 'VITRINA_ERR_IMPORT_MALFORMED' } });
    expect((await preview({ format: 'csv', files: [{ name: 'p.csv', base64: b64(csv) }] }, 'marketer')).statusCode).toBe(403);
  });

  it('checks a signage publication with the store\'s rules before anything is sent, and answers 503 without a hub', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
    const { item } = await services.media.upload((async function* () { yield png; })(), 'a.png', 'image/png');
    const slide = (mediaId: string) => ({ id: 'a', kind: 'image', media: { mediaId, url: `/media/lib/${mediaId}.png`, sha256: mediaId }, title: '', body: '', durationMs: 5000 });
    const body = (over: object) => ({
      target: { scope: 'all' }, zoneId: 'entrance',
      layouts: [{ id: 'hq-l', name: 'L', template: 'full', regions: [{ regionId: 'main', slides: [slide(item.id)] }] }],
      schedule: { defaultLayoutId: 'hq-l', entries: [], power: [] }, ...over,
    });
    const send = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/hq/publish/signage', headers: headers.marketer, payload });

    const unknownMedia = await send(body({ layouts: [{ id: 'hq-l', name: 'L', template: 'full', regions: [{ regionId: 'main', slides: [slide('f'.repeat(64))] }] }] }));
    expect(unknownMedia.json()).toMatchObject({ error: { code: 'VITRINA_ERR_LAYOUT_INVALID' } });
    const tickerInMain = await send(body({ layouts: [{ id: 'hq-l', name: 'L', template: 'full', regions: [{ regionId: 'main', slides: [{ id: 't', kind: 'ticker', text: 'x', durationMs: 5000 }] }] }] }));
    expect(tickerInMain.json()).toMatchObject({ error: { code: 'VITRINA_ERR_LAYOUT_INVALID' } });
    const otherLayout = await send(body({ schedule: { defaultLayoutId: 'elsewhere', entries: [], power: [] } }));
    expect(otherLayout.json()).toMatchObject({ error: { code: 'VITRINA_ERR_LAYOUT_UNKNOWN' } });
    const noHub = await send(body({}));
    expect(noHub.statusCode).toBe(503);
    expect(noHub.json()).toMatchObject({ error: { code: 'VITRINA_ERR_HUB_UNAVAILABLE' } });
    expect(await services.publish.latest()).toEqual([]);
  });
});
