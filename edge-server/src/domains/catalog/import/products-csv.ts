import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { RESTRICTED_KINDS } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { isValidBarcode } from '../barcode.js';
import type { RestrictionInput } from '../restriction.js';
import type { StagedGroup, StagedProduct } from './import-repository.js';
import { groupIdFor, truthy, vatRateOf } from './refs.js';

/**
 * The product CSV (UTF-8, comma-separated, a header row). `id` and `name` are required; every
 * other column is optional, in any order; a column not listed here is an error (a typo would
 * otherwise be silently ignored). An empty cell means "keep what is stored".
 */
export const PRODUCT_CSV_COLUMNS = [
  'id', 'name', 'short_name', 'article', 'barcodes', 'brand', 'group_path', 'unit', 'price_minor', 'vat_rate', 'image', 'active', 'restricted_kind', 'egais',
] as const;
type Column = (typeof PRODUCT_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'name'];
const ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
/** group_path: group names top first, separated by " > " ("Beverages > Beer"). */
const PATH_SEPARATOR = '>';

export type CsvRow = { line: number; product: StagedProduct; groups: StagedGroup[] } | { ref: string; rejected: string };

export async function* readProductsCsv(input: AsyncIterable<Buffer | string>, isRestricted: (p: RestrictionInput) => boolean): AsyncGenerator<CsvRow> {
  const parser = Readable.from(input).pipe(parse({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }));
  let header: Column[] | null = null;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    if (!header) {
      header = checkHeader(record);
      continue;
    }
    const cell = (c: Column) => { const i = header!.indexOf(c); return i < 0 ? '' : record[i] ?? ''; };
    const ref = cell('id') ? `line ${line} (${cell('id').slice(0, 64)})` : `line ${line}`;
    if (record.length !== header.length) { yield { ref, rejected: `expected ${header.length} columns, got ${record.length}` }; continue; }
    const row = rowOf(cell, line, isRestricted);
    yield 'rejected' in row ? { ref, rejected: row.rejected } : row;
  }
  if (!header) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'The file is empty.');
}

function checkHeader(record: string[]): Column[] {
  const names = record.map((c) => c.trim().toLowerCase());
  const unknown = names.filter((n) => !(PRODUCT_CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `Unknown column(s): ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ')}. Columns: ${PRODUCT_CSV_COLUMNS.join(',')}`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `Column "${dup}" appears twice.`);
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `Missing required column(s): ${missing.join(', ')}.`);
  return names as Column[];
}

function rowOf(cell: (c: Column) => string, line: number, isRestricted: (p: RestrictionInput) => boolean): { line: number; product: StagedProduct; groups: StagedGroup[] } | { rejected: string } {
  const id = cell('id');
  const name = cell('name');
  if (!ID_RE.test(id)) return { rejected: 'id is missing or has characters other than A-Z a-z 0-9 _ . : - (at most 64)' };
  if (!name || name.length > 200) return { rejected: 'name is missing or longer than 200 characters' };
  const barcodes = cell('barcodes') ? cell('barcodes').split(/[\s;|]+/).filter(Boolean) : null;
  const bad = barcodes?.find((b) => !isValidBarcode(b));
  if (bad) return { rejected: `barcode "${bad.slice(0, 40)}" is not a valid EAN-13/EAN-8/UPC (check digit)` };
  const price = cell('price_minor');
  if (price && !/^\d{1,12}$/.test(price)) return { rejected: 'price_minor must be a whole number of minor units (cents, kopecks)' };
  const vat = cell('vat_rate') ? vatRateOf(cell('vat_rate')) : null;
  if (cell('vat_rate') && vat === null) return { rejected: `vat_rate "${cell('vat_rate').slice(0, 20)}" is not a percentage or "none"` };
  const active = cell('active');
  if (active && !/^(0|1|true|false|yes|no)$/i.test(active)) return { rejected: 'active must be 1/0, true/false or yes/no' };
  const kind = cell('restricted_kind').toLowerCase() || null;
  if (kind && !(RESTRICTED_KINDS as readonly string[]).includes(kind)) return { rejected: `restricted_kind must be one of ${RESTRICTED_KINDS.join(', ')}` };
  const egais = cell('egais');
  if (egais && !/^(0|1|true|false|yes|no)$/i.test(egais)) return { rejected: 'egais must be 1/0, true/false or yes/no' };
  if (cell('short_name').length > 40) return { rejected: 'short_name is longer than 40 characters' };

  const path = cell('group_path') ? cell('group_path').split(PATH_SEPARATOR).map((s) => s.trim()).filter(Boolean) : [];
  const groups: StagedGroup[] = [];
  path.forEach((g, i) => groups.push({ id: groupIdFor(`csv:${path.slice(0, i + 1).join('>')}`), parentId: i === 0 ? null : groups[i - 1]!.id, name: g.slice(0, 100) }));
  const department = path[0] ?? null;
  const category = path.at(-1) ?? null;
  const restricted = kind !== null || (department !== null && isRestricted({ department, category: category!, restricted: false }));
  return {
    line,
    groups,
    product: {
      productId: id, externalRef: null, name, shortName: cell('short_name') || null, article: cell('article') || null, brand: cell('brand') || null,
      groupId: groups.at(-1)?.id ?? null, department, category, unit: cell('unit') || null, vatRate: vat, image: cell('image') || null,
      barcodes, priceMinor: price ? Number(price) : null, active: active && !truthy(active) && !/^yes$/i.test(active) ? 0 : 1,
      restricted: restricted ? 1 : 0, restrictedKind: kind, egais: egais ? (truthy(egais) ? 1 : 0) : null,
    },
  };
}
