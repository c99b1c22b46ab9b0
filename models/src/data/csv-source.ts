import { createReadStream, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { ModelsError } from './errors.js';

/** True when the file starts with the gzip magic bytes, whatever its name says. */
function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    return n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the records of a CSV or gzip CSV file with a header row. `checkHeader` sees the
 * column names first and throws to refuse the file (unknown or missing columns).
 */
export async function* readCsvRecords(
  path: string,
  checkHeader: (columns: string[]) => void,
): AsyncGenerator<Record<string, string>> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ModelsError('VITRINA_ERR_NOT_FOUND', `input file not found: ${path}`);
  }
  if (statSync(path).size === 0) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `input file is empty: ${path}`);
  const raw: Readable = createReadStream(path);
  const source = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  const options: Options = {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      checkHeader(names);
      return names;
    },
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    bom: true,
  };
  const parser = source.pipe(parse(options));
  source.on('error', (err) => parser.destroy(err));
  let sawHeader = false;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      sawHeader = true;
      yield record;
    }
  } catch (err) {
    if (err instanceof ModelsError) throw err;
    throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `cannot read ${path}: ${(err as Error).message}`);
  }
  if (!sawHeader) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `input file has no data rows: ${path}`);
}

/**
 * The same rows in batches of field arrays (no object per row), header checked first and
 * passed out as the column names: for tens of millions of rows, the consumer then loops
 * without an await per row.
 */
export async function* readCsvRowBatches(
  path: string,
  checkHeader: (columns: string[]) => void,
  batchSize = 4096,
): AsyncGenerator<{ columns: string[]; rows: string[][] }> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ModelsError('VITRINA_ERR_NOT_FOUND', `input file not found: ${path}`);
  }
  if (statSync(path).size === 0) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `input file is empty: ${path}`);
  const raw: Readable = createReadStream(path, { highWaterMark: 1 << 20 });
  const source = isGzip(path) ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  const parser = source.pipe(parse({ skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }));
  source.on('error', (err) => parser.destroy(err));
  let columns: string[] | undefined;
  let rows: string[][] = [];
  let sawRow = false;
  try {
    for await (const r of parser as AsyncIterable<string[]>) {
      if (columns === undefined) {
        columns = r.map((h) => h.trim().toLowerCase());
        checkHeader(columns);
        continue;
      }
      rows.push(r);
      if (rows.length >= batchSize) {
        sawRow = true;
        yield { columns, rows };
        rows = [];
      }
    }
  } catch (err) {
    if (err instanceof ModelsError) throw err;
    throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `cannot read ${path}: ${(err as Error).message}`);
  }
  if (rows.length > 0) {
    sawRow = true;
    yield { columns: columns!, rows };
  }
  if (!sawRow) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `input file has no data rows: ${path}`);
}
