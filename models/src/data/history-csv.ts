import { ModelsError } from './errors.js';
import { readCsvRecords } from './csv-source.js';
import { BasketAssembler } from './basket-assembler.js';
import type { LoadResult } from './types.js';

/**
 * The one purchase-history input format (see models/README.md):
 * customer_id, basket_id, time, item_id, [quantity], [price].
 */
export const REQUIRED_COLUMNS = ['customer_id', 'basket_id', 'time', 'item_id'] as const;
export const OPTIONAL_COLUMNS = ['quantity', 'price'] as const;
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

export function checkHistoryHeader(columns: string[]): void {
  const unknown = columns.filter((c) => !KNOWN.has(c));
  if (unknown.length > 0) {
    throw new ModelsError(
      'VITRINA_ERR_IMPORT_INVALID',
      `unknown column(s) ${unknown.join(', ')}; expected ${REQUIRED_COLUMNS.join(', ')} and optionally ${OPTIONAL_COLUMNS.join(', ')}`,
    );
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `missing column(s) ${missing.join(', ')}`);
}

/** Time is either a number (basket order or epoch ms) or an ISO-8601 timestamp. */
export function parseTime(value: string): number {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NaN : ms;
}

/** Loads a history file in the input format; bad rows are counted by reason, never fatal. */
export async function loadHistoryCsv(path: string): Promise<LoadResult> {
  const assembler = new BasketAssembler();
  for await (const r of readCsvRecords(path, checkHistoryHeader)) {
    const quantity = r.quantity === undefined || r.quantity === '' ? 1 : Number(r.quantity);
    if (r.price !== undefined && r.price !== '' && !Number.isFinite(Number(r.price))) {
      assembler.skip('bad_price');
      continue;
    }
    assembler.add(r.customer_id ?? '', r.basket_id ?? '', parseTime(r.time ?? ''), r.item_id ?? '', quantity);
  }
  return assembler.finish();
}
