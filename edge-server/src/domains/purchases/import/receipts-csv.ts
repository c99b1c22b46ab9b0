import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ImportReport } from '@vitrina/contracts';
import { RECEIPT_LIMITS } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { localDateOf } from '../../../shared/calendar.js';
import type { ImportedReceipt } from './imported-receipt.js';
import { importChunkTrace, type ImportChunkTrace } from './import-trace.js';

/**
 * Streams a CSV of historical sale lines into receipts and receipt_lines.
 *
 *   receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor
 *
 * One row per line; the rows of a receipt are contiguous. A product id the catalogue does not
 * know is created as a placeholder product flagged for review, in the batch's transaction. A receipt with any bad row is
 * rejected whole (every bad row listed with its reason), so no partial receipt is written;
 * receipts already in the database are skipped, which makes re-running an import safe (each
 * chunk asks which of its receipt ids are stored, inside its own transaction: no read of every
 * receipt id at the start). Receipts are written in chunks, each chunk one transaction; with
 * `chunkMs` the chunk's size follows how long the last one held the writer. History
 * earns no points: the program starts at go-live (the demo seed posts through the receipt
 * service instead when it wants points and tiers).
 */

export const CSV_COLUMNS = ['receipt_id', 'store_time', 'customer_id', 'product_id', 'quantity', 'unit_price_minor', 'discount_minor'] as const;
const ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INT_RE = /^-?\d{1,15}$/;

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
  onProgress?: (p: { linesRead: number; receiptsImported: number; rowsRejected: number; seconds: number }) => void;
  progressEvery?: number;
  /**
   * Stops the import between two batches: the batches already committed stay (each is whole, and
   * a re-run skips their receipts), the rest of the file is not read; the report says `cancelled`.
   */
  signal?: AbortSignal;
}

interface Pending {
  id: string;
  /** The id is well-formed: it may name a stored receipt (one that is skipped, not rejected). */
  checkable: boolean;
  storeTime: string;
  customerId: string | null;
  rows: Array<{ line: number; productId: string; quantity: number; unitPrice: number; discount: number }>;
  errors: Array<{ line: number; reason: string }>;
  firstLine: number;
}

function parseInt10(s: string | undefined): number | null {
  return s !== undefined && INT_RE.test(s.trim()) ? Number(s.trim()) : null;
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
/** A chunk never shrinks below this (a transaction's fixed cost would dominate) … */
const MIN_CHUNK_LINES = 50;
/** … and changes by at most this factor from one chunk to the next (one slow commit is not a trend). */
const MAX_CHUNK_STEP = 2;

/** The next chunk's lines: the last chunk's scaled towards `targetMs`, bounded. */
export function nextChunkLines(lines: number, heldMs: number, targetMs: number, maxLines: number) {
  const scaled = lines * (targetMs / Math.max(heldMs, 0.1));
  const stepped = Math.min(lines * MAX_CHUNK_STEP, Math.max(lines / MAX_CHUNK_STEP, scaled));
  return Math.round(Math.min(maxLines, Math.max(MIN_CHUNK_LINES, stepped)));
}

/** Thrown inside the import when its signal aborts; never leaves it. */
const CANCELLED = Symbol('import cancelled');

export async function importReceiptsCsv(target: ImportTarget, input: Readable, opts: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const [products, customers] = await Promise.all([target.knownProductIds(), target.activeCustomerIds()]);
  const report: ImportReport = { linesRead: 0, receiptsImported: 0, linesImported: 0, receiptsSkippedExisting: 0, rowsRejected: 0, rejected: [], seconds: 0 };
  const maxListed = opts.maxListed ?? 1000;
  const batchLines = opts.batchLines ?? 20_000;
  let chunkLines = opts.chunkMs ? Math.min(batchLines, FIRST_CHUNK_LINES) : batchLines;
  const progressEvery = opts.progressEvery ?? 100_000;
  /** Every receipt id met in the file (a later, separate run of rows of one of them is refused). */
  const seen = new Set<string>();
  /** Ids this run wrote: found stored later, they are this file's own (a repeated receipt), not a skip. */
  const writtenHere = new Set<string>();
  /** Stored ids counted as skipped (once each, however many runs of rows name them). */
  const skipped = new Set<string>();
  /** The chunk: whole receipts, each either good (`receipt`) or refused (`rejects`), in file order. */
  let batch: Array<{ pending: Pending; receipt?: ImportedReceipt; rejects?: Array<{ line: number; reason: string }> }> = [];
  let batchSize = 0;
  let current: Pending | null = null;

  const reject = (line: number, receiptId: string | null, reason: string) => {
    report.rowsRejected++;
    if (report.rejected.length < maxListed) report.rejected.push({ line, receiptId, reason });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    const lines = batchSize;
    batch = [];
    batchSize = 0;
    if (opts.signal?.aborted) throw CANCELLED;
    const good = chunk.flatMap((c) => (c.receipt ? [c.receipt] : []));
    const ids = [...new Set(chunk.filter((c) => c.pending.checkable).map((c) => c.pending.id))];
    let created: string[] = [];
    const newProductIds = (written: readonly ImportedReceipt[]) => (created = [...new Set(written.flatMap((r) => r.lines.map((l) => l.productId)))].filter((id) => !products.has(id)));
    const writeStarted = performance.now();
    const { stored, heldMs } = await target.writeChunk(good, ids, opts.storeId, newProductIds);
    for (const id of created) products.add(id);
    for (const c of chunk) {
      const { id } = c.pending;
      if (stored.has(id) && !writtenHere.has(id)) {
        if (!skipped.has(id)) report.receiptsSkippedExisting++;
        skipped.add(id);
      } else if (c.rejects) {
        for (const e of c.rejects) reject(e.line, id || null, e.reason);
      } else if (c.receipt) {
        writtenHere.add(id);
        report.receiptsImported++;
        report.linesImported += c.receipt.lines.length;
      }
    }
    if (importChunkTrace.hasSubscribers) importChunkTrace.publish({ lines, receipts: good.length, writeMs: performance.now() - writeStarted, heldMs } satisfies ImportChunkTrace);
    if (opts.chunkMs) chunkLines = nextChunkLines(lines, heldMs, opts.chunkMs, batchLines);
    progress();
  };
  const progress = () => opts.onProgress?.({ linesRead: report.linesRead, receiptsImported: report.receiptsImported, rowsRejected: report.rowsRejected, seconds: (Date.now() - started) / 1000 });
  /** A receipt's rows are all read: into the chunk, good or refused (refusals are reported once the chunk knows it is not a stored receipt). */
  const finish = async (p: Pending) => {
    const size = p.rows.length + p.errors.length;
    if (p.errors.length > 0) {
      const bad = new Set(p.errors.map((e) => e.line));
      const all = [...p.errors, ...p.rows.filter((r) => !bad.has(r.line)).map((r) => ({ line: r.line, reason: `receipt ${p.id} has an invalid row` }))];
      batch.push({ pending: p, rejects: all.sort((a, b) => a.line - b.line) });
    } else {
      let total = 0;
      for (const r of p.rows) total += r.quantity * r.unitPrice - r.discount;
      if (total > RECEIPT_LIMITS.maxReceiptMinor) batch.push({ pending: p, rejects: p.rows.map((r) => ({ line: r.line, reason: 'receipt total out of range' })) });
      else {
        batch.push({
          pending: p,
          receipt: {
            id: p.id, storeTime: p.storeTime, customerId: p.customerId, localDate: localDateOf(opts.timeZone, p.storeTime), totalMinor: total,
            lines: p.rows.map((r, i) => ({ lineNo: i + 1, productId: r.productId, quantity: r.quantity, unitPrice: r.unitPrice, discount: r.discount })),
          },
        });
      }
    }
    batchSize += size;
    if (batchSize >= chunkLines) await flush();
  };

  const parser = input.pipe(parse({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }));
  let lineNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      lineNo++;
      if (lineNo === 1) {
        if (record.join(',').toLowerCase() !== CSV_COLUMNS.join(',')) {
          throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `The header must be: ${CSV_COLUMNS.join(',')}`);
        }
        continue;
      }
      report.linesRead++;
      const [receiptId = '', storeTime = '', customerId = '', productId = '', q, price, disc] = record;
      if (!current || current.id !== receiptId) {
        if (current) await finish(current);
        current = { id: receiptId, checkable: ID_RE.test(receiptId), storeTime, customerId: customerId || null, rows: [], errors: [], firstLine: lineNo };
        if (current.checkable) {
          // Unless the chunk finds it stored (then the whole run of rows is skipped).
          if (seen.has(receiptId)) current.errors.push({ line: lineNo, reason: `receipt ${receiptId} appears again after other receipts (its rows must be contiguous)` });
          seen.add(receiptId);
        }
      }
      const err = (reason: string) => current!.errors.push({ line: lineNo, reason });
      if (record.length !== CSV_COLUMNS.length) { err(`expected ${CSV_COLUMNS.length} columns, got ${record.length}`); continue; }
      if (!ID_RE.test(receiptId)) { err('receipt_id is missing or has characters other than A-Z a-z 0-9 _ . : -'); continue; }
      if (!INSTANT_RE.test(storeTime) || Number.isNaN(Date.parse(storeTime))) { err(`store_time "${storeTime.slice(0, 40)}" is not an ISO-8601 instant`); continue; }
      if (storeTime !== current.storeTime || (customerId || null) !== current.customerId) { err('rows of one receipt disagree on store_time or customer_id'); continue; }
      if (customerId && !customers.has(customerId)) { err(`unknown customer ${customerId.slice(0, 64)}`); continue; }
      // An unknown product is not refused: it becomes a placeholder for review (nothing from the till is lost).
      if (!ID_RE.test(productId)) { err('product_id is missing or has characters other than A-Z a-z 0-9 _ . : -'); continue; }
      const quantity = parseInt10(q);
      const unitPrice = parseInt10(price);
      const discount = disc === '' ? 0 : parseInt10(disc);
      if (quantity === null || unitPrice === null || discount === null) { err('quantity, unit_price_minor and discount_minor must be integers'); continue; }
      if (quantity <= 0) { err('quantity must be positive (returns are posted against their receipt, not imported)'); continue; }
      if (quantity > RECEIPT_LIMITS.maxQuantity || unitPrice < 0 || unitPrice > RECEIPT_LIMITS.maxUnitPriceMinor) { err('quantity or unit price out of range'); continue; }
      if (discount < 0 || discount > quantity * unitPrice) { err('discount_minor must be between 0 and the line amount'); continue; }
      if (current.rows.length >= RECEIPT_LIMITS.maxLines) { err(`a receipt has at most ${RECEIPT_LIMITS.maxLines} lines`); continue; }
      current.rows.push({ line: lineNo, productId, quantity, unitPrice, discount });
      if (opts.onProgress && report.linesRead % progressEvery === 0) progress();
    }
    if (lineNo === 0) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'The file is empty.');
    if (current) await finish(current);
    await flush();
  } catch (e) {
    if (e === CANCELLED) {
      input.destroy();
      report.cancelled = true;
      report.seconds = (Date.now() - started) / 1000;
      return report;
    }
    if (e instanceof VitrinaError) throw e;
    // csv-parse errors (an unclosed quote, …) make the rest of the file unreadable.
    throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', `The CSV cannot be read after line ${lineNo}: ${(e as Error).message.slice(0, 200)}`);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
