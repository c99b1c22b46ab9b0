import type { Readable } from 'node:stream';
import type { ImportReport } from '@vitrina/contracts';
import { RECEIPT_LIMITS } from '@vitrina/contracts';
import { nextChunkSize } from '../../../platform/db/bulk-work.js';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { ImportedReceipt } from './imported-receipt.js';
import { importChunkTrace, type ImportChunkTrace } from './import-trace.js';
import { InvalidFile, parseInWorker, type Parcel } from './parse-in-worker.js';

export { CSV_COLUMNS } from './receipt-rows.js';

/**
 * Streams a CSV of historical sale lines into receipts and receipt_lines.
 *
 *   receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor
 *
 * One row per line; the rows of a receipt are contiguous. A product id the catalogue does not
 * know is created as a placeholder product flagged for review, in the chunk's transaction. A
 * receipt with any bad row is rejected whole (every bad row listed with its reason), so no
 * partial receipt is written; receipts already in the database are skipped, which makes
 * re-running an import safe (each chunk asks which of its receipt ids are stored, inside its own
 * transaction: no read of every receipt id at the start). History earns no points: the program
 * starts at go-live (the demo seed posts through the receipt service instead when it wants
 * points and tiers).
 *
 * The file is parsed and every row checked in a worker thread (parse-worker.ts, receipt-rows.ts);
 * the server's thread hands it the file's chunks, and writes the receipts it gets back in
 * chunks, each chunk one transaction in the bulk lane, while the worker parses the next one.
 * With `chunkMs` a chunk's size follows how long the last one held the writer.
 */

export interface ImportOptions {
  storeId: string;
  timeZone: string;
  /** Lines per transaction (with `chunkMs`: at most). */
  batchLines?: number;
  /**
   * Background imports: how long one chunk may hold the writer (ms). Each chunk's line count is
   * the last one's scaled by how far its transaction was from this, so a busy or slow machine
   * gets smaller chunks and the tills' and scans' writes never wait behind more than about this.
   */
  chunkMs?: number;
  /** How many rejected rows to list in the report (all are counted). */
  maxListed?: number;
  /** Called after each chunk committed. */
  onProgress?: (p: { linesRead: number; receiptsImported: number; rowsRejected: number; seconds: number }) => void;
  /**
   * Stops the import between two chunks: the chunks already committed stay (each is whole, and
   * a re-run skips their receipts), the rest of the file is not read; the report says `cancelled`.
   */
  signal?: AbortSignal;
}

/** What an import checks rows against and writes to; the purchases service provides it. */
export interface ImportTarget {
  knownProductIds(): Promise<Set<string>>;
  activeCustomerIds(): Promise<Set<string>>;
  /**
   * One chunk in one transaction: finds which of `ids` are stored already, and writes the
   * receipts of `receipts` that are not, whole; the product ids `newProductIds(written)` names
   * (ids the catalogue did not know) become placeholder products flagged for review in that same
   * transaction. Answers the stored ids and how long the transaction held the writer.
   */
  writeChunk(receipts: readonly ImportedReceipt[], ids: readonly string[], storeId: string,
    newProductIds: (written: readonly ImportedReceipt[]) => string[]): Promise<{ stored: Set<string>; heldMs: number }>;
}

/** A background import's first chunk, before it knows how fast the writer is. */
const FIRST_CHUNK_LINES = 250;
/** A chunk never shrinks below this (a transaction's fixed cost would dominate). */
const MIN_CHUNK_LINES = 50;

/** The next chunk's lines: the last chunk's scaled towards `targetMs` (platform/db/bulk-work.ts). */
export function nextChunkLines(lines: number, heldMs: number, targetMs: number, maxLines: number) {
  return nextChunkSize(lines, heldMs, targetMs, { min: MIN_CHUNK_LINES, max: maxLines });
}

export async function importReceiptsCsv(target: ImportTarget, input: Readable, opts: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const [products, customers] = await Promise.all([target.knownProductIds(), target.activeCustomerIds()]);
  const report: ImportReport = { linesRead: 0, receiptsImported: 0, linesImported: 0, receiptsSkippedExisting: 0, rowsRejected: 0, rejected: [], seconds: 0 };
  const maxListed = opts.maxListed ?? 1000;
  const batchLines = opts.batchLines ?? 20_000;
  let chunkLines = opts.chunkMs ? Math.min(batchLines, FIRST_CHUNK_LINES) : batchLines;
  /** Ids this run wrote: found stored later, they are this file's own (a repeated receipt), not a skip. */
  const writtenHere = new Set<string>();
  /** Stored ids counted as skipped (once each, however many runs of rows name them). */
  const skipped = new Set<string>();

  const reject = (line: number, receiptId: string | null, reason: string) => {
    report.rowsRejected++;
    if (report.rejected.length < maxListed) report.rejected.push({ line, receiptId, reason });
  };
  const write = async ({ receipts: chunk, linesRead }: Parcel) => {
    const good = chunk.flatMap((c) => (c.receipt ? [c.receipt] : []));
    const ids = [...new Set(chunk.filter((c) => c.checkable).map((c) => c.id))];
    let created: string[] = [];
    const newProductIds = (written: readonly ImportedReceipt[]) => (created = [...new Set(written.flatMap((r) => r.unknownProducts))].filter((id) => !products.has(id)));
    const writeStarted = performance.now();
    const { stored, heldMs } = chunk.length > 0 ? await target.writeChunk(good, ids, opts.storeId, newProductIds) : { stored: new Set<string>(), heldMs: 0 };
    for (const id of created) products.add(id);
    for (const c of chunk) {
      if (stored.has(c.id) && !writtenHere.has(c.id)) {
        if (!skipped.has(c.id)) report.receiptsSkippedExisting++;
        skipped.add(c.id);
      } else if (c.rejects) {
        for (const e of c.rejects) reject(e.line, c.id || null, e.reason);
      } else if (c.receipt) {
        writtenHere.add(c.id);
        report.receiptsImported++;
        report.linesImported += c.receipt.lineCount;
      }
    }
    report.linesRead = linesRead;
    const lines = chunk.reduce((s, c) => s + c.fileLines, 0);
    if (importChunkTrace.hasSubscribers) importChunkTrace.publish({ lines, receipts: good.length, writeMs: performance.now() - writeStarted, heldMs } satisfies ImportChunkTrace);
    if (opts.chunkMs && good.length > 0) chunkLines = nextChunkLines(lines, heldMs, opts.chunkMs, batchLines);
    opts.onProgress?.({ linesRead: report.linesRead, receiptsImported: report.receiptsImported, rowsRejected: report.rowsRejected, seconds: (Date.now() - started) / 1000 });
  };

  const parser = parseInWorker(input, {
    timeZone: opts.timeZone,
    limits: { ...RECEIPT_LIMITS },
    knownProducts: [...products].join('\n'),
    activeCustomers: [...customers].join('\n'),
  });
  try {
    // The worker parses the next parcel while this thread writes the last one.
    // A parcel asked for and never awaited (cancelled, or a write failed) must not reject unhandled.
    const ask = () => { const p = parser.next(chunkLines); p.catch(() => undefined); return p; };
    let coming = ask();
    for (;;) {
      const parcel = await coming;
      if (!parcel.end) coming = ask();
      if (opts.signal?.aborted) {
        report.cancelled = true;
        break;
      }
      await write(parcel);
      if (parcel.end) break;
    }
  } catch (e) {
    if (e instanceof InvalidFile) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', e.message);
    throw e;
  } finally {
    await parser.stop();
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
