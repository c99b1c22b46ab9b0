import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

const head = (version = '2.08') => `<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="${version}">`;
/** import.xml with products p-<from> … p-<from+n-1> in a group of their own. */
const importXml = (n: number, from = 0) => `${head()}<Классификатор><Группы><Группа><Ид>g-1</Ид><Наименование>Bakery</Наименование></Группа></Группы></Классификатор>
<Каталог СодержитТолькоИзменения="true"><Товары>${Array.from({ length: n }, (_, k) => `<Товар><Ид>p-${from + k}</Ид><Наименование>Product ${from + k}</Наименование><Группы><Ид>g-1</Ид></Группы></Товар>`).join('')}</Товары></Каталог></КоммерческаяИнформация>`;
/** offers.xml: a retail price for p-0 … p-<n-1>. */
const offersXml = (n: number, rub: number) => `${head('2.10')}<ПакетПредложений СодержитТолькоИзменения="true"><ТипыЦен><ТипЦены><Ид>pt-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены></ТипыЦен>
<Предложения>${Array.from({ length: n }, (_, k) => `<Предложение><Ид>p-${k}</Ид><Цены><Цена><ИдТипаЦены>pt-retail</ИдТипаЦены><ЦенаЗаЕдиницу>${rub}.00</ЦенаЗаЕдиницу></Цена></Цены><Количество>${k}</Количество></Предложение>`).join('')}</Предложения></ПакетПредложений></КоммерческаяИнформация>`;
const stream = (text: string) => Readable.from([Buffer.from(text)]);

const CATALOGUE_TABLES = ['products', 'product_groups', 'product_barcodes', 'price_types', 'product_prices', 'product_price_history'];

async function setup() {
  const t = await build();
  const admin = await t.staffHeaders('admin');
  // Every row of every catalogue table, in a fixed order: "the catalogue as it was".
  const catalogue = async () => Object.fromEntries(await Promise.all(CATALOGUE_TABLES.map(async (table) =>
    [table, (await t.services.db.all(`SELECT * FROM ${table}`)).map((r) => JSON.stringify(r)).sort()])));
  const staged = async () => (await t.services.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM catalog_staged_products) + (SELECT COUNT(*) FROM catalog_staged_prices) AS n'))!.n;
  const startJob = (body: string, query: string, contentType = 'application/xml') =>
    t.app.inject({ method: 'POST', url: `/api/v1/imports/catalog/jobs${query}`, headers: { ...admin, 'content-type': contentType }, payload: body });
  const untilEnded = async (jobId: string) => {
    for (;;) {
      const job = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/jobs/${jobId}`, headers: admin })).json();
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  // A catalogue to protect: 30 products with retail prices.
  await t.services.catalog.importCommerceMl(stream(importXml(30)));
  await t.services.catalog.importCommerceMl(stream(offersXml(30, 50)));
  return { ...t, admin, catalogue, staged, startJob, untilEnded };
}

/**
 * A signal that turns aborted once the import has begun applying and `after` more of its
 * checkpoints have passed: the cancel lands between two statements of the apply transaction.
 */
function abortDuringApply(after: number) {
  let applying = false;
  let checks = 0;
  const signal = { get aborted() { return applying && ++checks > after; } } as AbortSignal;
  return { signal, onProgress: (p: { phase: string }) => { if (p.phase === 'applying') applying = true; }, checks: () => checks };
}

describe('catalogue imports as background jobs', () => {
  it('answers 202 with the job at once, then its progress and report; the jobs list shows it with its file name (admin only)', async () => {
    const t = await setup();
    const res = await t.startJob(importXml(40, 100), '?name=import.xml');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'catalog-import', label: 'import.xml', status: 'running', report: null });
    const job = await t.untilEnded(res.json().jobId);
    expect(job).toMatchObject({ status: 'done', progress: { phase: 'applying', products: 40 }, report: { productsImported: 40, rejectedCount: 0 } });
    expect(await t.services.catalog.get('p-139')).toMatchObject({ name: 'Product 139' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/imports/jobs', headers: t.admin })).json();
    expect(list.jobs[0]).toMatchObject({ jobId: job.jobId, kind: 'catalog-import', label: 'import.xml', status: 'done' });
    // The upload is gone once the job ended.
    const spool = join(t.dataDir, 'imports');
    expect(existsSync(spool) ? readdirSync(spool) : []).toEqual([]);

    const csv = await t.startJob('id,name\nc-1,Rye bread\nbad id!,Nope\n', '?format=csv&name=products.csv', 'text/csv');
    expect((await t.untilEnded(csv.json().jobId))).toMatchObject({ status: 'done', report: { productsImported: 1, rejectedCount: 1, rejected: [{ ref: 'line 3 (bad id!)' }] } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports/catalog/jobs', headers: { ...(await t.staffHeaders('marketer')), 'content-type': 'application/xml' }, payload: importXml(1) })).statusCode).toBe(403);
  });

  it('a file that cannot be read ends the job failed with its code and changes nothing', async () => {
    const t = await setup();
    const before = await t.catalogue();
    const res = await t.startJob(`${importXml(5, 500).slice(0, -40)}<broken`, '?name=import.xml');
    const job = await t.untilEnded(res.json().jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'VITRINA_ERR_IMPORT_MALFORMED' }, report: null });
    expect(await t.catalogue()).toEqual(before);
    expect(await t.staged()).toBe(0);
  });

  it('a cancel while the file is read drops what was staged: the catalogue is exactly as it was', async () => {
    const t = await setup();
    const before = await t.catalogue();
    const controller = new AbortController();
    const report = await t.services.catalog.importCommerceMl(stream(importXml(300, 1000)), {
      batchSize: 20, signal: controller.signal, onProgress: (p) => { if (p.phase === 'reading' && p.products >= 60) controller.abort(); },
    });
    expect(report).toMatchObject({ cancelled: true, productsImported: 0, productsUpdated: 0 });
    expect(await t.catalogue()).toEqual(before);
    expect(await t.staged()).toBe(0);
  });

  it('a cancel during the apply rolls its transaction back, for products and for prices: all or nothing per file', async () => {
    const t = await setup();
    const before = await t.catalogue();
    // Products (new and updated), then offers (prices, history, stock): each cancelled after a few statements of its apply ran.
    const products = abortDuringApply(3);
    const productsReport = await t.services.catalog.importCommerceMl(stream(importXml(60, 10)), { ...products, batchSize: 25 });
    expect(products.checks()).toBeGreaterThan(3);
    expect(productsReport).toMatchObject({ cancelled: true, productsImported: 0 });
    const prices = abortDuringApply(4);
    expect(await t.services.catalog.importCommerceMl(stream(offersXml(30, 99)), prices)).toMatchObject({ cancelled: true, pricesImported: 0 });
    const csv = abortDuringApply(2);
    expect(await t.services.catalog.importProductsCsv(stream('id,name,price_minor\np-1,Renamed,12345\nc-9,New,100\n'), csv)).toMatchObject({ cancelled: true });
    expect(await t.catalogue()).toEqual(before);
    expect(await t.staged()).toBe(0);
    // The same files, not cancelled, do apply.
    expect(await t.services.catalog.importCommerceMl(stream(offersXml(30, 99)))).toMatchObject({ pricesImported: 30 });
    expect(await t.services.catalog.get('p-0')).toMatchObject({ priceMinor: 9900 });
  });

  it('the console cancel of a running job waits until it stopped, and a job cancelled before its apply leaves the catalogue as it was', async () => {
    const t = await setup();
    const before = await t.catalogue();
    const res = await t.startJob(importXml(20_000, 100_000), '?name=big-import.xml');
    const cancelled = (await t.app.inject({ method: 'POST', url: `/api/v1/imports/jobs/${res.json().jobId}/cancel`, headers: t.admin })).json();
    expect(cancelled).toMatchObject({ status: 'cancelled', report: { cancelled: true, productsImported: 0 } });
    expect(await t.catalogue()).toEqual(before);
    expect(await t.staged()).toBe(0);
  });
});
