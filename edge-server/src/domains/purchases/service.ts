import type { Readable } from 'node:stream';
import type { ImportReport } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { Catalog } from '../catalog/index.js';
import type { CustomersService } from '../customers/index.js';
import type { HistorySource } from './history-source.js';
import { importReceiptsCsv, type ImportOptions } from './import/receipts-csv.js';
import type { ImportedReceiptsRepository } from './import/import-repository.js';
import { basketsRead, hasSaleRead, spendsRead, type PurchasesRepository, type ReceiptLineRow, type ReceiptRow } from './repository.js';
import type { JsonRead } from '../../platform/db/json-read.js';

/**
 * Receipts and their lines as the store recorded them (owns `receipts` and `receipt_lines`).
 * Pricing, points and promotions are decided by the checkout use case; this domain stores the
 * outcome and answers questions about purchase history.
 */
export class PurchasesService implements HistorySource {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly deps: { catalog: Pick<Catalog, 'allIds' | 'ensurePlaceholders'>; customers: Pick<CustomersService, 'activeIds'>; events: EventBus<DomainEvents> },
    private readonly imported: ImportedReceiptsRepository,
  ) {}

  /** The reads of this shopper's rows a scan makes, to be made as one statement (platform/db/json-read.ts). */
  shopperReads(customerId: string): Array<JsonRead<unknown>> {
    return [hasSaleRead(customerId), spendsRead(customerId), basketsRead(customerId)];
  }

  insertReceiptIn(tx: Queryable, receipt: ReceiptRow, lines: ReceiptLineRow[]) {
    return this.repo.insertReceipt(tx, receipt, lines);
  }

  receiptById(q: Queryable, id: string) {
    return this.repo.receiptById(q, id);
  }

  existingAmong(ids: readonly string[]) {
    return this.repo.existingAmong(ids);
  }

  /** Warms a transaction's memo with these receipts (a batch checks each of them). */
  preloadReceipts(q: Queryable, ids: readonly string[]) {
    return this.repo.preloadReceipts(q, ids);
  }

  linesOf(q: Queryable, receiptId: string) {
    return this.repo.linesOf(q, receiptId);
  }

  returnedQuantities(q: Queryable, originalId: string) {
    return this.repo.returnedQuantities(q, originalId);
  }

  /** Whether a customer has any sale before this one (first-purchase rewards). */
  hasSale(q: Queryable, customerId: string) {
    return this.repo.hasSale(q, customerId);
  }

  spendsByDay(q: Queryable, customerId: string) {
    return this.repo.spendsByDay(q, customerId);
  }

  basketsOf(customerId: string) {
    return this.repo.basketsOf(customerId);
  }

  allBaskets() {
    return this.repo.allBaskets();
  }

  exportLinesOf(customerId: string) {
    return this.repo.exportLinesOf(customerId);
  }

  countReceipts() {
    return this.repo.countReceipts();
  }

  /** Historical sale lines from a CSV stream (see import/receipts-csv.ts): no points, no promotions. */
  async importCsv(input: Readable, opts: ImportOptions): Promise<ImportReport> {
    const report = await importReceiptsCsv({
      knownProductIds: async () => new Set(await this.deps.catalog.allIds()),
      activeCustomerIds: async () => new Set(await this.deps.customers.activeIds()),
      // Bulk lane: a till's receipt or a scan's write runs between two chunks, never behind the file.
      writeChunk: (receipts, ids, storeId, newProductIds) => this.imported.writeChunk(receipts, ids, storeId, (tx, written) => this.deps.catalog.ensurePlaceholders(tx, newProductIds(written))),
    }, input, opts);
    if (report.receiptsImported > 0) this.deps.events.publish('purchases:changed', { receipts: report.receiptsImported, source: 'import' });
    return report;
  }
}
