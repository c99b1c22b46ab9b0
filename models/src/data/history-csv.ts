import { ModelsError } from './errors.js';
import { readCsvRecords } from './csv-source.js';
import { BasketAssembler } from './basket-assembler.js';
import type { LoadResult } from './types.js';
import type { RawLine } from './row-check.js';

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

export { parseTime } from './parse-time.js';

/** A CSV record of the input format as a row to check. */
export function lineOfRecord(r: Record<string, string>): RawLine {
  return { customerId: r.customer_id ?? '', basketId: r.basket_id ?? '', time: r.time ?? '', itemId: r.item_id ?? '', quantity: r.quantity, price: r.price };
}

/** Loads a history file in the input format; bad rows are counted by reason, never fatal. */
export async function loadHistoryCsv(path: string): Promise<LoadResult> {
  const assembler = new BasketAssembler();
  for await (const r of readCsvRecords(path, checkHistoryHeader)) assembler.add(lineOfRecord(r));
  return assembler.finish();
}
