import { localDateOf } from '../../../shared/calendar.js';
import type { ParsedReceipt } from './imported-receipt.js';

/**
 * The receipts CSV, row by row: checks each row and groups the rows of one receipt into a
 * `ParsedReceipt`. Pure (no database, no I/O): it runs in the parse worker (parse-worker.ts),
 * off the server's thread. What it checks against (known products and customers, the receipt
 * limits) is handed to it at the start.
 */

export const CSV_COLUMNS = ['receipt_id', 'store_time', 'customer_id', 'product_id', 'quantity', 'unit_price_minor', 'discount_minor'] as const;
const ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INT_RE = /^-?\d{1,15}$/;

/** The whole file is unusable (header, empty, unreadable CSV): nothing of it is imported. */
export class InvalidImportFile extends Error {}

export interface ReceiptLimits { maxLines: number; maxQuantity: number; maxUnitPriceMinor: number; maxReceiptMinor: number }

export interface ReceiptRowsOptions {
  timeZone: string;
  limits: ReceiptLimits;
  knownProducts: ReadonlySet<string>;
  activeCustomers: ReadonlySet<string>;
}

interface Pending {
  id: string;
  checkable: boolean;
  storeTime: string;
  customerId: string | null;
  rows: Array<{ line: number; productId: string; quantity: number; unitPrice: number; discount: number }>;
  errors: Array<{ line: number; reason: string }>;
}

function parseInt10(s: string | undefined): number | null {
  return s !== undefined && INT_RE.test(s.trim()) ? Number(s.trim()) : null;
}

export class ReceiptRows {
  /** Lines after the header. */
  linesRead = 0;
  private fileLine = 0;
  private current: Pending | null = null;
  /** Every receipt id met in the file (a later, separate run of rows of one of them is refused). */
  private readonly seen = new Set<string>();
  /** Receipts whose rows are all read, not handed over yet, and their file lines. */
  private done: ParsedReceipt[] = [];
  private doneLines = 0;

  constructor(private readonly opts: ReceiptRowsOptions) {}

  /** File lines in the receipts ready to hand over. */
  get readyLines() {
    return this.doneLines;
  }

  /** The receipts whose rows are all read, in file order; they are forgotten here. */
  take(): ParsedReceipt[] {
    const out = this.done;
    this.done = [];
    this.doneLines = 0;
    return out;
  }

  add(record: string[]) {
    this.fileLine++;
    const lineNo = this.fileLine;
    if (lineNo === 1) {
      if (record.join(',').toLowerCase() !== CSV_COLUMNS.join(',')) throw new InvalidImportFile(`The header must be: ${CSV_COLUMNS.join(',')}`);
      return;
    }
    this.linesRead++;
    const { limits, activeCustomers } = this.opts;
    const [receiptId = '', storeTime = '', customerId = '', productId = '', q, price, disc] = record;
    if (!this.current || this.current.id !== receiptId) {
      if (this.current) this.finish(this.current);
      this.current = { id: receiptId, checkable: ID_RE.test(receiptId), storeTime, customerId: customerId || null, rows: [], errors: [] };
      if (this.current.checkable) {
        // Unless the chunk finds it stored (then the whole run of rows is skipped).
        if (this.seen.has(receiptId)) this.current.errors.push({ line: lineNo, reason: `receipt ${receiptId} appears again after other receipts (its rows must be contiguous)` });
        this.seen.add(receiptId);
      }
    }
    const current = this.current;
    const err = (reason: string) => current.errors.push({ line: lineNo, reason });
    if (record.length !== CSV_COLUMNS.length) return err(`expected ${CSV_COLUMNS.length} columns, got ${record.length}`);
    if (!current.checkable) return err('receipt_id is missing or has characters other than A-Z a-z 0-9 _ . : -');
    if (!INSTANT_RE.test(storeTime) || Number.isNaN(Date.parse(storeTime))) return err(`store_time "${storeTime.slice(0, 40)}" is not an ISO-8601 instant`);
    if (storeTime !== current.storeTime || (customerId || null) !== current.customerId) return err('rows of one receipt disagree on store_time or customer_id');
    if (customerId && !activeCustomers.has(customerId)) return err(`unknown customer ${customerId.slice(0, 64)}`);
    // An unknown product is not refused: it becomes a placeholder for review (nothing from the till is lost).
    if (!ID_RE.test(productId)) return err('product_id is missing or has characters other than A-Z a-z 0-9 _ . : -');
    const quantity = parseInt10(q);
    const unitPrice = parseInt10(price);
    const discount = disc === '' ? 0 : parseInt10(disc);
    if (quantity === null || unitPrice === null || discount === null) return err('quantity, unit_price_minor and discount_minor must be integers');
    if (quantity <= 0) return err('quantity must be positive (returns are posted against their receipt, not imported)');
    if (quantity > limits.maxQuantity || unitPrice < 0 || unitPrice > limits.maxUnitPriceMinor) return err('quantity or unit price out of range');
    if (discount < 0 || discount > quantity * unitPrice) return err('discount_minor must be between 0 and the line amount');
    if (current.rows.length >= limits.maxLines) return err(`a receipt has at most ${limits.maxLines} lines`);
    current.rows.push({ line: lineNo, productId, quantity, unitPrice, discount });
  }

  /** The end of the file: the last receipt is complete. */
  end() {
    if (this.fileLine === 0) throw new InvalidImportFile('The file is empty.');
    if (this.current) this.finish(this.current);
    this.current = null;
  }

  /** Lines read before `add` failed (for the message of an unreadable file). */
  get lineNo() {
    return this.fileLine;
  }

  private finish(p: Pending) {
    const fileLines = p.rows.length + p.errors.length;
    const base = { id: p.id, checkable: p.checkable, fileLines };
    if (p.errors.length > 0) {
      const bad = new Set(p.errors.map((e) => e.line));
      const all = [...p.errors, ...p.rows.filter((r) => !bad.has(r.line)).map((r) => ({ line: r.line, reason: `receipt ${p.id} has an invalid row` }))];
      this.push({ ...base, rejects: all.sort((a, b) => a.line - b.line) });
      return;
    }
    let total = 0;
    for (const r of p.rows) total += r.quantity * r.unitPrice - r.discount;
    if (total > this.opts.limits.maxReceiptMinor) {
      this.push({ ...base, rejects: p.rows.map((r) => ({ line: r.line, reason: 'receipt total out of range' })) });
      return;
    }
    const unknownProducts = [...new Set(p.rows.map((r) => r.productId).filter((id) => !this.opts.knownProducts.has(id)))];
    this.push({
      ...base,
      receipt: {
        id: p.id,
        customerId: p.customerId,
        receiptRow: JSON.stringify([p.id, p.customerId, p.storeTime, total, localDateOf(this.opts.timeZone, p.storeTime)]),
        lineRows: p.rows.map((r, i) => JSON.stringify([p.id, i + 1, r.productId, r.quantity, r.unitPrice, r.discount, r.quantity * r.unitPrice - r.discount])).join(','),
        lineCount: p.rows.length,
        unknownProducts,
      },
    });
  }

  private push(r: ParsedReceipt) {
    this.done.push(r);
    this.doneLines += r.fileLines;
  }
}
