import sqlite3 from 'sqlite3';
import { ModelsError } from './errors.js';
import { readCsvRowBatches } from './csv-source.js';
import { checkHistoryHeader } from './history-csv.js';
import { checkLine, type RawLine } from './row-check.js';
import { RECEIPT_LINES_PAGE_SQL, receiptLine } from './sqlite-history.js';
import { countSkip, type Basket, type SkipCounts, type SkipExamples } from './types.js';

/** What a pass over a source saw: rows read and rows skipped (by reason, with an example). */
export interface StreamStats {
  rows: number;
  skipped: SkipCounts;
  skipExamples: SkipExamples;
}

export const emptyStats = (): StreamStats => ({ rows: 0, skipped: {}, skipExamples: {} });

/**
 * A purchase history read as a stream, for training at chain scale: each `open()` is a new
 * pass (training reads twice) that yields baskets grouped by customer, in the order and with
 * the validation of the in-memory loaders (BasketAssembler), without holding more than one
 * customer's rows. The source must list each customer's rows together (any order within);
 * a customer whose rows come back after another customer's is refused with a clear error.
 */
export interface BasketSource {
  label: string;
  open(stats: StreamStats): AsyncIterable<Basket>;
}

/** One customer's baskets, in first-seen order, as a source yields them. */
export interface CustomerRun {
  customerId: string;
  baskets: Basket[];
}

/** Folds checked rows into per-customer baskets, refusing a customer that comes back. */
class CustomerGrouper {
  private current = '';
  private baskets = new Map<string, { basket: Basket; seen: Set<string> }>();
  private readonly done = new Set<string>();

  constructor(
    private readonly label: string,
    private readonly stats: StreamStats,
  ) {}

  /** Adds a row; returns the previous customer's baskets when this row starts a new customer. */
  add(line: RawLine): Basket[] | undefined {
    this.stats.rows++;
    const checked = checkLine(line);
    if (!checked.ok) {
      countSkip(this.stats.skipped, checked.reason, this.stats.skipExamples, checked.example);
      return undefined;
    }
    let flushed: Basket[] | undefined;
    if (line.customerId !== this.current) {
      if (this.done.has(line.customerId)) {
        throw new ModelsError(
          'VITRINA_ERR_IMPORT_INVALID',
          `${this.label}: rows of customer '${line.customerId}' are not together (row ${this.stats.rows}); streaming needs each customer's rows in one run — sort the file by customer_id first (e.g. zcat f.csv.gz | (read -r h; echo "$h"; sort -t, -k1,1 -s) | gzip > sorted.csv.gz)`,
        );
      }
      flushed = this.flush();
      this.current = line.customerId;
    }
    let entry = this.baskets.get(line.basketId);
    if (entry === undefined) {
      entry = { basket: { customerId: line.customerId, basketId: line.basketId, t: checked.t, items: [] }, seen: new Set() };
      this.baskets.set(line.basketId, entry);
    }
    // A receipt's time is when it started; lines may carry slightly different stamps.
    if (checked.t < entry.basket.t) entry.basket.t = checked.t;
    if (!entry.seen.has(line.itemId)) {
      entry.seen.add(line.itemId);
      entry.basket.items.push(line.itemId);
    }
    return flushed;
  }

  flush(): Basket[] | undefined {
    if (this.current === '') return undefined;
    this.done.add(this.current);
    const out = [...this.baskets.values()].map((e) => e.basket);
    this.baskets = new Map();
    this.current = '';
    return out.length > 0 ? out : undefined;
  }
}

/** A CSV or gzip CSV file in the input format (models/README.md), streamed. */
export function csvBasketSource(path: string): BasketSource {
  const label = `input:${path}`;
  return {
    label,
    async *open(stats) {
      const grouper = new CustomerGrouper(label, stats);
      let at: Record<string, number> | undefined;
      for await (const { columns, rows } of readCsvRowBatches(path, checkHistoryHeader)) {
        at ??= Object.fromEntries(columns.map((c, k) => [c, k]));
        const [c, b, t, i, q, p] = [at.customer_id!, at.basket_id!, at.time!, at.item_id!, at.quantity ?? -1, at.price ?? -1];
        const line: RawLine = { customerId: '', basketId: '', time: '', itemId: '' };
        const done: Basket[] = [];
        for (const r of rows) {
          line.customerId = r[c] ?? '';
          line.basketId = r[b] ?? '';
          line.time = r[t] ?? '';
          line.itemId = r[i] ?? '';
          line.quantity = q < 0 ? undefined : r[q];
          line.price = p < 0 ? undefined : r[p];
          const flushed = grouper.add(line);
          if (flushed) for (const basket of flushed) done.push(basket);
        }
        yield* done;
      }
      const last = grouper.flush();
      if (last) yield* last;
    },
  };
}

/** How many customers one page of the receipts query covers (bounds memory per page). */
const CUSTOMERS_PER_PAGE = 500;

/**
 * The edge server's receipts, streamed page by page (a page is the next CUSTOMERS_PER_PAGE
 * customers by id, using the receipts(customer_id, store_time) index), so a store's trainer
 * never holds the whole history.
 */
export function sqliteBasketSource(path: string): BasketSource {
  const label = `db:${path}`;
  return {
    label,
    async *open(stats) {
      const db = await new Promise<sqlite3.Database>((resolve, reject) => {
        const d = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) =>
          err ? reject(new ModelsError('VITRINA_ERR_NOT_FOUND', `cannot open database ${path}: ${err.message}`)) : resolve(d),
        );
      });
      const page = (after: string) =>
        new Promise<Record<string, string | number | null>[]>((resolve, reject) =>
          db.all(RECEIPT_LINES_PAGE_SQL, [after, CUSTOMERS_PER_PAGE], (err: Error | null, rows: Record<string, string | number | null>[]) =>
            err ? reject(new ModelsError('VITRINA_ERR_IMPORT_INVALID', `cannot read receipts from ${path}: ${err.message}`)) : resolve(rows),
          ),
        );
      try {
        const grouper = new CustomerGrouper(label, stats);
        let after = '';
        for (let rows = await page(after); rows.length > 0; rows = await page(after)) {
          for (const row of rows) {
            const done = grouper.add(receiptLine(row));
            if (done) yield* done;
          }
          after = String(rows[rows.length - 1]!.customer_id);
        }
        const last = grouper.flush();
        if (last) yield* last;
      } finally {
        await new Promise<void>((resolve) => db.close(() => resolve()));
      }
    },
  };
}

/** Groups a source's baskets into one run per customer (they arrive together). */
export async function* customerRuns(baskets: AsyncIterable<Basket>): AsyncGenerator<CustomerRun> {
  let run: CustomerRun | undefined;
  for await (const b of baskets) {
    if (run && run.customerId === b.customerId) {
      run.baskets.push(b);
      continue;
    }
    if (run) yield run;
    run = { customerId: b.customerId, baskets: [b] };
  }
  if (run) yield run;
}
