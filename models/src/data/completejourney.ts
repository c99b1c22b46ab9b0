import { join } from 'node:path';
import { ModelsError } from './errors.js';
import { readCsvRecords } from './csv-source.js';
import { BasketAssembler } from './basket-assembler.js';
import type { LoadResult } from './types.js';

/** The Complete Journey transaction sample, mapped onto the input format. */
export async function loadCompleteJourney(root: string): Promise<LoadResult> {
  const path = join(root, 'completejourney', 'transactions_sample.csv.gz');
  const assembler = new BasketAssembler();
  const needed = ['household_id', 'basket_id', 'product_id', 'quantity', 'transaction_timestamp'];
  for await (const r of readCsvRecords(path, (cols) => {
    const missing = needed.filter((c) => !cols.includes(c));
    if (missing.length) throw new ModelsError('VITRINA_ERR_IMPORT_INVALID', `${path}: missing column(s) ${missing.join(', ')}`);
  })) {
    // "2017-01-28 14:06:53-0500" is one of the forms parseTime accepts.
    assembler.add({ customerId: r.household_id ?? '', basketId: r.basket_id ?? '', time: r.transaction_timestamp ?? '', itemId: r.product_id ?? '', quantity: r.quantity ?? '1' });
  }
  return assembler.finish();
}
