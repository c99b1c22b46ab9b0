import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadHistoryCsv } from './history-csv.js';
import { buildProtocolDataset } from './sequences.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-history-'));
const file = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('loadHistoryCsv', () => {
  it('groups rows into baskets and counts each bad row by reason', async () => {
    const p = file('mixed.csv', [
      'customer_id,basket_id,time,item_id,quantity,price',
      'c1,b1,2024-01-02T10:00:00Z,milk,1,1.20',
      'c1,b1,2024-01-02T10:00:05Z,bread,2,0.99',
      'c1,b1,2024-01-02T10:00:06Z,milk,1,1.20', // same item twice: one basket entry
      ',b2,2024-01-03T10:00:00Z,milk,1,1',
      'c1,b3,not-a-time,milk,1,1',
      'c1,b4,2024-01-05T10:00:00Z,milk,-1,1',
      'c1,b5,2024-01-05T10:00:00Z,milk,abc,1',
      'c1,b6,2024-01-05T10:00:00Z,,1,1',
      'c1,b7,2024-01-05T10:00:00Z,eggs,1,cheap',
    ].join('\n'));
    const r = await loadHistoryCsv(p);
    expect(r.rows).toBe(9);
    expect(r.baskets).toHaveLength(1);
    expect(r.baskets[0]!.items).toEqual(['milk', 'bread']);
    expect(r.baskets[0]!.t).toBe(Date.parse('2024-01-02T10:00:00Z'));
    expect(r.skipped).toEqual({ missing_customer_id: 1, bad_time: 1, non_positive_quantity: 1, bad_quantity: 1, missing_item_id: 1, bad_price: 1 });
    expect(r.skipExamples).toEqual({
      missing_customer_id: ',b2,2024-01-03T10:00:00Z,milk',
      bad_time: 'not-a-time',
      non_positive_quantity: '-1',
      bad_quantity: 'abc',
      missing_item_id: 'c1,b6,2024-01-05T10:00:00Z,',
      bad_price: 'cheap',
    });
  });

  it('reads gzip CSV with basket order as time (small numbers are epoch seconds: order kept)', async () => {
    const p = file('order.csv.gz', gzipSync('customer_id,basket_id,time,item_id\nc1,a,0,x\nc1,b,1,y\n'));
    const r = await loadHistoryCsv(p);
    expect(r.baskets.map((b) => [b.t, b.items])).toEqual([[0, ['x']], [1000, ['y']]]);
  });

  it('reads every accepted time form in one file, compact forms included', async () => {
    const times = ['2007-03-20T13:05:09Z', '2007-03-20T13:06', '2007-03-20 13:07:00', '2007-03-21', '1174395909', '1174395909250', '20070322-13'];
    const p = file('forms.csv', ['customer_id,basket_id,time,item_id', ...times.map((t, k) => `c1,b${k},${t},i${k}`)].join('\n'));
    const r = await loadHistoryCsv(p);
    expect(r.skipped).toEqual({});
    expect(r.baskets.map((b) => b.t)).toEqual([
      Date.parse('2007-03-20T13:05:09Z'), Date.parse('2007-03-20T13:06:00Z'), Date.parse('2007-03-20T13:07:00Z'), Date.parse('2007-03-21T00:00:00Z'),
      1174395909000, 1174395909250, Date.parse('2007-03-22T13:00:00Z'),
    ]);
  });

  it('refuses an unknown column, a missing column, an empty file and a missing file', async () => {
    await expect(loadHistoryCsv(file('unknown.csv', 'customer_id,basket_id,time,item_id,colour\nc,b,1,i,red\n'))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('colour') });
    await expect(loadHistoryCsv(file('missing.csv', 'customer_id,basket_id,item_id\nc,b,i\n'))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('time') });
    await expect(loadHistoryCsv(file('empty.csv', ''))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('empty') });
    await expect(loadHistoryCsv(file('header-only.csv', 'customer_id,basket_id,time,item_id\n'))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID' });
    await expect(loadHistoryCsv(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
  });
});

describe('buildProtocolDataset', () => {
  it('drops rare items, skips customers with too few baskets, and splits reproducibly', () => {
    const baskets = [];
    for (let c = 0; c < 50; c++) for (let b = 0; b < (c === 0 ? 2 : 4); b++) baskets.push({ customerId: `c${c}`, basketId: `b${b}`, t: b, items: b === 3 && c === 1 ? ['rare'] : ['a', 'b'] });
    const skipped = {};
    const ds = buildProtocolDataset('t', baskets, { minBaskets: 3, minItemCount: 3, seed: 1 }, skipped);
    expect(skipped).toEqual({ customer_fewer_than_3_baskets: 1 });
    expect(ds.users.has('c0')).toBe(false);
    expect(ds.users.get('c1')!.future).toEqual(['a', 'b']); // the basket holding only 'rare' vanished
    expect(ds.train.length + ds.val.length + ds.test.length).toBe(49);
    expect(buildProtocolDataset('t', baskets, { minBaskets: 3, minItemCount: 3, seed: 1 }).test).toEqual(ds.test);
  });
});
