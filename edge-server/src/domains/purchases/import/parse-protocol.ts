import type { ParsedReceipt } from './imported-receipt.js';
import type { ReceiptLimits } from './receipt-rows.js';

/**
 * The messages between an import (receipts-csv.ts, on the server's thread) and its parse worker
 * (parse-worker.ts). The server hands over the file's bytes as the worker asks for them, and asks
 * for parcels of whole receipts of about as many lines as its next chunk will write; the worker
 * parses the next parcel while the server writes the last one.
 */
export interface ParseWorkerInput {
  timeZone: string;
  limits: ReceiptLimits;
  /** Known product ids and active customer ids, newline-separated (one string crosses the thread boundary in one copy). */
  knownProducts: string;
  activeCustomers: string;
}

export type ToParser =
  | { t: 'bytes'; chunk: Uint8Array | string }
  | { t: 'eof' }
  /** Hand over the next parcel once it holds at least this many file lines (or the file ended). */
  | { t: 'next'; lines: number };

export type FromParser =
  /** More of the file, please. */
  | { t: 'need' }
  | { t: 'parcel'; receipts: ParsedReceipt[]; linesRead: number; end: boolean }
  /** The file cannot be imported (header, empty, unreadable CSV); `message` says why. */
  | { t: 'invalid'; message: string };
