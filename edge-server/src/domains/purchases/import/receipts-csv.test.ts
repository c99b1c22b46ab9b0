import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { build } from '../../../test-support/build.js';
import { seedLoyaltyStore } from '../../../test-support/loyalty-store.js';
import { nextChunkLines } from './receipts-csv.js';

const HEADER = 'receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor';
const opts = { storeId: 'test', timeZone: 'America/New_York', batchLines: 3 };

async function setup() {
  const t = await build();
  await seedLoyaltyStore(t.services);
  const count = async (table: string) => (await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
  return { ...t, count };
}

describe('CSV import of historical receipts', () => {
  it('imports good receipts in batches, rejects bad ones whole with reasons, and skips them on a re-run', async () => {
    const t = await setup();
    const csv = [
      HEADER,
      'h1,2026-01-05T02:30:00Z,cust-1,p-milk,2,349,0',
      'h1,2026-01-05T02:30:00Z,cust-1,p-bread,1,450,50',
      'h2,2026-01-06T12:00:00Z,,p-apples,1,399,',
      'h3,2026-01-06T12:00:00Z,cust-2,p-milk,1,349,0',
      'h3,2026-01-06T12:00:00Z,cust-2,p-unknown,1,349,0',
      'h4,2026-01-07T12:00:00Z,cust-9,p-milk,1,349,0',
      'h5,2026-01-07T12:00:00Z,cust-1,p-milk,-1,349,0',
      'h6,not-a-time,cust-1,p-milk,1,349,0',
      'h7,2026-01-07T12:00:00Z,cust-1,p-milk,1',
      'h8,2026-01-07T12:00:00Z,cust-1,p-milk,1,349,999',
      'h2,2026-01-06T12:00:00Z,,p-apples,1,399,0',
      'h9,2026-01-08T12:00:00Z,cust-3,p-coffee,1,1299,0',
    ].join('\n');
    const report = await t.services.purchases.importCsv(Readable.from([csv]), opts);
    expect(report).toMatchObject({ linesRead: 12, receiptsImported: 4, linesImported: 6, receiptsSkippedExisting: 0, rowsRejected: 6 });
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [7, 'unknown customer cust-9'],
      [8, 'quantity must be positive (returns are posted against their receipt, not imported)'],
      [9, 'store_time "not-a-time" is not an ISO-8601 instant'],
      [10, 'expected 7 columns, got 5'],
      [11, 'discount_minor must be between 0 and the line amount'],
      [12, 'receipt h2 appears again after other receipts (its rows must be contiguous)'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    // h1 at 02:30Z on 5 January is still 4 January in New York.
    const h1 = await t.services.db.get<{ local_date: string; total_minor: number }>("SELECT local_date, total_minor FROM receipts WHERE id = 'h1'");
    expect(h1).toEqual({ local_date: '2026-01-04', total_minor: 1098 });
    expect(await t.count('receipt_lines')).toBe(6);
    // The unknown product became a placeholder flagged for review, not a rejected receipt.
    expect(await t.services.catalog.get('p-unknown')).toMatchObject({ needsReview: true, source: 'placeholder' });

    const again = await t.services.purchases.importCsv(Readable.from([csv]), opts);
    expect(again).toMatchObject({ receiptsImported: 0, receiptsSkippedExisting: 4 });
    expect(await t.count('receipts')).toBe(4);
  });

  it('is reachable through the API as text/csv (admin only)', async () => {
    const t = await setup();
    const admin = await t.staffHeaders('admin');
    const body = `${HEADER}\na1,2026-01-05T12:00:00Z,cust-1,p-milk,1,349,0\na2,2026-01-05T12:00:00Z,cust-1,p-nope,1,349,0\n`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/receipts', headers: { ...admin, 'content-type': 'text/csv' }, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ receiptsImported: 2, rowsRejected: 0 });
    expect(await t.services.catalog.get('p-nope')).toMatchObject({ needsReview: true });
    const staff = await t.staffHeaders('staff');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/imports/receipts', headers: { ...staff, 'content-type': 'text/csv' }, payload: body })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/imports/receipts', headers: { ...admin, 'content-type': 'text/csv' }, payload: 'nonsense' });
    expect(bad.json().error.code).toBe('VITRINA_ERR_IMPORT_INVALID');
  });

  it('refuses a file with a wrong header or unreadable CSV, writing nothing', async () => {
    const t = await setup();
    await expect(t.services.purchases.importCsv(Readable.from(['id,when\nx,y']), opts)).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID' });
    await expect(t.services.purchases.importCsv(Readable.from(['']), opts)).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID' });
    await expect(t.services.purchases.importCsv(Readable.from([`${HEADER}\nh1,2026-01-05T02:30:00Z,cust-1,"p-milk,2,349,0`]), opts)).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID' });
    // An upload cut off half-way: the file is unusable, nothing of it written.
    const cut = new Readable({ read() { this.push(`${HEADER}\nh1,2026-01-05T02:30:00Z,cust-1,p-milk,2,349,0\n`); this.destroy(new Error('connection reset')); } });
    await expect(t.services.purchases.importCsv(cut, opts)).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID' });
    expect(await t.count('receipts')).toBe(0);
  });
});

describe('chunk sizing of a background import', () => {
  it('scales the next chunk towards the target writer time, at most doubling or halving, within bounds', () => {
    expect(nextChunkLines(1000, 8, 4, 5000)).toBe(500); // twice too long: half the lines
    expect(nextChunkLines(1000, 3, 4, 5000)).toBe(1333);
    expect(nextChunkLines(1000, 40, 4, 5000)).toBe(500); // ten times too long: no more than halved at once
    expect(nextChunkLines(1000, 0, 4, 5000)).toBe(2000); // a free writer: no more than doubled at once
    expect(nextChunkLines(4000, 1, 4, 5000)).toBe(5000);
    expect(nextChunkLines(60, 100, 4, 5000)).toBe(50);
  });

  it('a background import writes small chunks, and still imports everything and skips what is stored', async () => {
    const t = await setup();
    const csv = [HEADER, ...Array.from({ length: 400 }, (_, i) => `c${i},2026-01-05T12:00:00Z,cust-1,p-milk,1,349,0`)].join('\n');
    const chunks: number[] = [];
    const report = await t.services.purchases.importCsv(Readable.from([csv]), { ...opts, batchLines: 5000, chunkMs: 4, onProgress: (p) => chunks.push(p.receiptsImported) });
    expect(report).toMatchObject({ receiptsImported: 400, rowsRejected: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]).toBeLessThanOrEqual(250);
    expect(await t.count('receipts')).toBe(400);
    // A receipt a till committed meanwhile is skipped like any stored one, not a failed chunk.
    const again = await t.services.purchases.importCsv(Readable.from([`${csv}\nc400,2026-01-05T12:00:00Z,cust-1,p-milk,1,349,0`]), { ...opts, chunkMs: 4 });
    expect(again).toMatchObject({ receiptsImported: 1, receiptsSkippedExisting: 400, rowsRejected: 0 });
  });
});
