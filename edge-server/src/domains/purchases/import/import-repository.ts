import type { Database, Queryable } from '../../../platform/db/database.js';
import { forgetCached } from '../../../platform/db/tx-memo.js';
import type { ImportedReceipt } from './imported-receipt.js';

/**
 * The receipts import's SQL (the `receipts` and `receipt_lines` tables of this domain). Every
 * statement has one text whatever the chunk's size: the rows travel as one JSON array bound to
 * one parameter and are unpacked by `json_each`, so each statement is prepared once and stays in
 * the writer's statement cache (a multi-row VALUES list sized by the chunk was a new statement,
 * parsed and bound value by value, for every chunk, and pushed the tills' statements out of the
 * cache), and binding costs one string instead of thousands of values on the server's thread
 * (the parse worker wrote the JSON: imported-receipt.ts).
 */
const STORED_AMONG = 'SELECT id FROM receipts WHERE id IN (SELECT value FROM json_each(?))';
const INSERT_RECEIPTS = `INSERT INTO receipts (id, store_id, customer_id, kind, store_time, total_minor, created_at, local_date)
  SELECT value ->> 0, ?, value ->> 1, 'sale', value ->> 2, value ->> 3, ?, value ->> 4 FROM json_each(?)`;
const INSERT_LINES = `INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor, net_minor)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)`;

export interface WrittenChunk {
  /** Which of the ids asked about were stored before this chunk (their receipts were not written). */
  stored: Set<string>;
  /** How long the chunk's transaction held the writer, commit included (ms). */
  heldMs: number;
}

export class ImportedReceiptsRepository {
  constructor(private readonly db: Database) {}

  /**
   * One chunk of an import in one bulk-lane transaction: which of `ids` are stored already, then
   * `before(tx, toWrite)` (placeholder products the lines reference), then the receipts of
   * `receipts` that are not stored, whole, with their lines. Asked inside the transaction, so a
   * till's receipt committed while the file is read is skipped, not a failed chunk.
   */
  async writeChunk(receipts: readonly ImportedReceipt[], ids: readonly string[], storeId: string,
    before: (tx: Queryable, toWrite: readonly ImportedReceipt[]) => Promise<unknown>): Promise<WrittenChunk> {
    const createdAt = new Date().toISOString();
    let began = 0;
    const stored = await this.db.transaction(async (tx) => {
      began = performance.now();
      const found = new Set((await tx.all<{ id: string }>(STORED_AMONG, [JSON.stringify(ids)])).map((r) => r.id));
      const toWrite = found.size === 0 ? receipts : receipts.filter((r) => !found.has(r.id));
      await before(tx, toWrite);
      if (toWrite.length > 0) {
        await tx.run(INSERT_RECEIPTS, [storeId, createdAt, `[${toWrite.map((r) => r.receiptRow).join(',')}]`]);
        await tx.run(INSERT_LINES, [`[${toWrite.map((r) => r.lineRows).join(',')}]`]);
      }
      // What the read cache holds of these shoppers' receipts goes at commit (as a till's receipt does).
      for (const id of new Set(toWrite.map((r) => r.customerId))) {
        if (id) for (const area of ['purchases.has-sale', 'purchases.spends', 'purchases.baskets']) forgetCached(tx, `${area}:${id}`);
      }
      return found;
    }, { priority: 'bulk' });
    return { stored, heldMs: performance.now() - began };
  }
}
