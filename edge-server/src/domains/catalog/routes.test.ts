import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { limitBytes } from './import/byte-limit.js';
import type { Ack, IdentifyResult } from '@vitrina/contracts';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';
import { seedSmallStore } from '../../test-support/small-store.js';
import { connectDevice, emitAck } from '../../test-support/sockets.js';

const CSV = [
  'id,name,short_name,article,barcodes,brand,group_path,unit,price_minor,vat_rate,image,active,restricted_kind,egais',
  'sku-1,Whole milk 1 l,Milk,A-100,4006381333931 96385074,Farm,Dairy > Milk,pc,199,10,,1,,',
  'sku-2,Pale ale 6-pack,Ale 6,A-200,036000291452,Brewco,Beverages > Beers/Ales,pack,999,20,,1,,',
  'sku-3,Vodka 0.5 l,,A-300,,Spirits Co,Grocery > Spirits,pc,1599,20,,1,alcohol,1',
  'sku-4,Too few columns,,A-400',
  'sku-5,Bad barcode,,A-500,1234567890123,,,,,,,,,',
  'sku-1,Duplicate,,,,,,,,,,,,',
  'bad id!,Name,,,,,,,,,,,,',
].join('\n');

async function setup() {
  const t = await build();
  const admin = await t.staffHeaders('admin');
  const marketer = await t.staffHeaders('marketer');
  const staff = await t.staffHeaders('staff');
  const upload = (body: string | Readable, headers: Record<string, string>, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/imports/catalog${query}`, headers, payload: body });
  return { ...t, admin, marketer, staff, upload };
}

describe('products over REST and the catalogue upload', () => {
  it('imports the product CSV, rejecting bad rows by line, and finds products by name, barcode and article', async () => {
    const t = await setup();
    const res = await t.upload(CSV, { ...t.admin, 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ productsImported: 3, productsUpdated: 0, groups: 6, rejectedCount: 4 });
    expect(report.rejected.map((r: { ref: string }) => r.ref)).toEqual(['line 5 (sku-4)', 'line 6 (sku-5)', 'line 7 (sku-1)', 'line 8 (bad id!)']);
    expect(report.rejected[0].reason).toBe('expected 14 columns, got 4');

    const get = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/products?q=${encodeURIComponent(q)}`, headers: t.staff })).json();
    expect((await get('milk')).items.map((p: { id: string }) => p.id)).toEqual(['sku-1']);
    expect((await get('96385074')).items.map((p: { id: string }) => p.id)).toEqual(['sku-1']);
    expect((await get('A-2')).items.map((p: { id: string }) => p.id)).toEqual(['sku-2']);
    const all = await get('');
    expect(all).toMatchObject({ total: 3, page: 1 });
    const ale = (await t.app.inject({ method: 'GET', url: '/api/v1/products/sku-2', headers: t.staff })).json();
    // The store's restriction policy still decides from the category; the CSV's kind restricts too.
    expect(ale).toMatchObject({ groupPath: ['Beverages', 'Beers/Ales'], department: 'Beverages', category: 'Beers/Ales', restricted: true, shortName: 'Ale 6', priceMinor: 999 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products/sku-3', headers: t.staff })).json()).toMatchObject({ restricted: true, restrictedKind: 'alcohol', egais: true });

    // Paging.
    const page2 = (await t.app.inject({ method: 'GET', url: '/api/v1/products?pageSize=2&page=2', headers: t.staff })).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it('refuses a CSV whose header has a missing or an unknown column, writing nothing', async () => {
    const t = await setup();
    for (const header of ['name,price_minor', 'id,name,colour']) {
      const res = await t.upload(`${header}\nx,y\n`, { ...t.admin, 'content-type': 'text/csv' });
      expect([res.statusCode, res.json().error.code]).toEqual([422, 'VITRINA_ERR_IMPORT_INVALID']);
    }
    expect((await t.services.catalog.list({})).total).toBe(0);
  });

  it('creates, edits and deactivates products (admin, marketer); staff may only browse', async () => {
    const t = await setup();
    const create = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/products', headers, payload });
    expect((await create(t.staff, { id: 'p-1', name: 'Tea' })).statusCode).toBe(403);
    const created = await create(t.marketer, { id: 'p-1', name: 'Green tea 100 g', barcodes: ['4006381333931'], priceMinor: 450, department: 'Grocery', category: 'Tea' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'p-1', barcodes: ['4006381333931'], priceMinor: 450, source: 'manual', restricted: false });
    expect((await create(t.marketer, { id: 'p-1', name: 'Again' })).json().error.code).toBe('VITRINA_ERR_CONFLICT');
    expect((await create(t.marketer, { id: 'p-2', name: 'Same barcode', barcodes: ['4006381333931'] })).json().error.code).toBe('VITRINA_ERR_CONFLICT');
    expect((await create(t.marketer, { id: 'p-3', name: 'Bad check digit', barcodes: ['4006381333932'] })).json().error.code).toBe('VITRINA_ERR_VALIDATION');

    const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/products/p-1', headers: t.admin, payload: { priceMinor: 499, category: 'Beer' } });
    expect(patch.json()).toMatchObject({ priceMinor: 499, category: 'Beer', restricted: true });
    expect(patch.json().priceHistory.map((h: { priceMinor: number }) => h.priceMinor)).toEqual([499, 450]);
    const off = await t.app.inject({ method: 'POST', url: '/api/v1/products/p-1/deactivate', headers: t.admin });
    expect(off.json()).toMatchObject({ id: 'p-1', active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products/nope', headers: t.staff })).json().error.code).toBe('VITRINA_ERR_NOT_FOUND');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/products/p-1', headers: t.admin, payload: {} })).statusCode).toBe(400);
    // Found by the attack suite's HTTP fuzzer: an unknown group was a foreign-key failure (500).
    const unknownGroup = await t.app.inject({ method: 'PATCH', url: '/api/v1/products/p-1', headers: t.admin, payload: { groupId: 'NaN' } });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().error.code).toBe('VITRINA_ERR_VALIDATION');
  });

  it('an upload is admin only and its errors carry codes', async () => {
    const t = await setup();
    const xml = { 'content-type': 'application/xml' };
    expect((await t.upload('<x/>', { ...t.marketer, ...xml })).statusCode).toBe(403);
    const bad = await t.upload('<?xml version="1.0"?><Catalog/>', { ...t.admin, ...xml });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'VITRINA_ERR_IMPORT_UNSUPPORTED']);
    const notXml = await t.upload('hello', { ...t.admin, ...xml });
    expect(notXml.json().error.code).toBe('VITRINA_ERR_IMPORT_MALFORMED');
  });

  it('refuses a 2 GB upload by its length (413) and a body that streams past the limit, writing nothing', async () => {
    const t = await setup();
    const declared = await t.upload(Readable.from([Buffer.from('<x/>')]), { ...t.admin, 'content-type': 'application/xml', 'content-length': String(2 * 1024 ** 3) });
    expect([declared.statusCode, declared.json().error.code]).toEqual([413, 'VITRINA_ERR_PAYLOAD_TOO_LARGE']);
    // Without a length (chunked): counted as it streams. 2 GB in 1 MB chunks against a 512 MB limit.
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    async function* twoGigabytes() { while (sent < 2048) { sent++; yield chunk; } }
    const read = async () => { for await (const _ of limitBytes(twoGigabytes(), 512 * 1024 * 1024)) { /* drain */ } };
    await expect(read()).rejects.toMatchObject({ code: 'VITRINA_ERR_PAYLOAD_TOO_LARGE' });
    expect(sent).toBe(513);
    expect(await t.services.db.get('SELECT COUNT(*) AS n FROM catalog_staged_products')).toEqual({ n: 0 });
  });

  it('keeps selling while a large catalogue streams in', async () => {
    const t = await setup();
    // Five tills, five shoppers (one shopper's receipts beyond a few in flight are refused by design).
    const store = await seedLoyaltyStore(t.services, 5);
    const till = await t.staffHeaders('staff');
    const N = 20_000;
    async function* bigFile() {
      yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.08"><Каталог СодержитТолькоИзменения="true"><Товары>');
      for (let i = 0; i < N; i += 500) {
        yield Buffer.from(Array.from({ length: 500 }, (_, k) => `<Товар><Ид>bulk-${i + k}</Ид><Наименование>Bulk ${i + k}</Наименование></Товар>`).join(''));
      }
      yield Buffer.from('</Товары></Каталог></КоммерческаяИнформация>');
    }
    const sales = Array.from({ length: 5 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers: till, payload: sale(store.cards[i]!, [['p-milk', 1, 349]], { receiptId: `during-${i}` }) }));
    const [upload, ...sold] = await Promise.all([t.upload(Readable.from(bigFile()), { ...t.admin, 'content-type': 'application/xml' }), ...sales]);
    expect(upload.json()).toMatchObject({ productsImported: N, rejectedCount: 0 });
    expect(sold.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
  });

  it('keeps answering kiosk scans over the socket while a large catalogue streams in, and the scans see no half-imported catalogue', async () => {
    const t = await setup();
    const small = await seedSmallStore(t.services);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const kiosk = await connectDevice(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, '/kiosk', small.kiosk.token);
    try {
      const N = 20_000;
      async function* bigFile() {
        yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.08"><Каталог СодержитТолькоИзменения="true"><Товары>');
        for (let i = 0; i < N; i += 500) {
          yield Buffer.from(Array.from({ length: 500 }, (_, k) => `<Товар><Ид>bulk-${i + k}</Ид><Наименование>Bulk ${i + k}</Наименование></Товар>`).join(''));
        }
        yield Buffer.from('</Товары></Каталог></КоммерческаяИнформация>');
      }
      const importing = t.upload(Readable.from(bigFile()), { ...t.admin, 'content-type': 'application/xml' });
      const scans: Array<Ack<IdentifyResult>> = [];
      for (let i = 0; i < 5; i++) scans.push(await emitAck<Ack<IdentifyResult>>(kiosk, 'kiosk:identify', { code: small.anaCard, source: 'keypad' }));
      const upload = await importing;
      expect(upload.json()).toMatchObject({ productsImported: N, rejectedCount: 0 });
      for (const scan of scans) {
        expect(scan.ok && scan.data.status).toBe('known');
        // Offers come from the store's own products, never from rows still being staged.
        if (scan.ok && scan.data.status === 'known') for (const o of scan.data.session.offers) expect(o.productId).not.toMatch(/^bulk-/);
      }
    } finally {
      kiosk.close();
      await t.app.close();
    }
  });
});
