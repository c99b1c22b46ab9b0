/**
 * A historical receipt as the CSV import writes it: a sale, no points, no promotions. Its rows
 * are JSON already (built by the parse worker, unpacked by the writer's `json_each` statements),
 * so the server's thread only joins strings.
 */
export interface ImportedReceipt {
  id: string;
  customerId: string | null;
  /** `[id, customerId, storeTime, totalMinor, localDate]` as JSON. */
  receiptRow: string;
  /** The lines' `[receiptId, lineNo, productId, quantity, unitPrice, discount, net]` arrays as JSON, comma-separated, no brackets. */
  lineRows: string;
  lineCount: number;
  /** Product ids of its lines that the catalogue did not know when the import started. */
  unknownProducts: string[];
}

/**
 * One receipt's run of rows in the file, as the parser hands it over: either good (`receipt`)
 * or refused whole (`rejects`, every row with its reason). A refusal is reported only once the
 * chunk knows the receipt is not stored already (a stored receipt is skipped, not refused).
 */
export interface ParsedReceipt {
  id: string;
  /** The id is well-formed: it may name a stored receipt. */
  checkable: boolean;
  /** File lines it spans (chunks are sized in lines). */
  fileLines: number;
  receipt?: ImportedReceipt;
  rejects?: Array<{ line: number; reason: string }>;
}
