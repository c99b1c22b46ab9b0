import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, readCsvRowBatches } from './csv-source.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-csv-'));

async function rowsOf(path: string) {
  const out: { columns: string[]; rows: string[][] }[] = [];
  for await (const batch of readCsvRowBatches(path, () => {})) out.push(batch);
  return { columns: out[0]?.columns, rows: out.flatMap((b) => b.rows) };
}

describe('readCsvRowBatches (the fast reader of the streaming path)', () => {
  it('reads what csv-parse reads: BOM, CRLF, quoted commas, spaces, blank lines, no final newline, gzip', async () => {
    const body = '\uFEFFCustomer_ID, basket_id ,time,item_id\r\nc1,b1, 2007-03-20 13:05:09 ,"milk, 1l"\r\n\r\nc2,b2,1,"say ""hi"""\r\nc3,b3,2,bread';
    const plain = join(dir, 'odd.csv');
    writeFileSync(plain, body);
    const gz = join(dir, 'odd.csv.gz');
    writeFileSync(gz, gzipSync(body));
    const expected = [['c1', 'b1', '2007-03-20 13:05:09', 'milk, 1l'], ['c2', 'b2', '1', 'say "hi"'], ['c3', 'b3', '2', 'bread']];
    for (const path of [plain, gz]) {
      const { columns, rows } = await rowsOf(path);
      expect(columns).toEqual(['customer_id', 'basket_id', 'time', 'item_id']);
      expect(rows).toEqual(expected);
    }
    const records = [];
    for await (const r of readCsvRecords(plain, () => {})) records.push(Object.values(r));
    expect(records).toEqual(expected);
  });

  it('refuses a header-only file, checks the header first, and reports a missing file', async () => {
    writeFileSync(join(dir, 'header.csv'), 'customer_id,basket_id,time,item_id\n');
    await expect(rowsOf(join(dir, 'header.csv'))).rejects.toMatchObject({ code: 'VITRINA_ERR_IMPORT_INVALID', message: expect.stringContaining('no data rows') });
    const refuse = readCsvRowBatches(join(dir, 'header.csv'), () => {
      throw new Error('bad header');
    });
    await expect(refuse.next()).rejects.toThrow('bad header');
    await expect(rowsOf(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'VITRINA_ERR_NOT_FOUND' });
  });
});
