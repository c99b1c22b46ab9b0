/** Purchase history: receipts and lines as posted or imported, and what history answers. */
import type { Database } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { Catalog } from '../catalog/index.js';
import type { CustomersService } from '../customers/index.js';
import { PurchasesRepository } from './repository.js';
import { PurchasesService } from './service.js';
import { ImportedReceiptsRepository } from './import/import-repository.js';

export { PurchasesService } from './service.js';
export type { ReceiptRow, ReceiptLineRow } from './repository.js';
export type { HistoryBasket, HistorySource } from './history-source.js';
export { readHistorySnapshot } from './history-snapshot.js';
export { CSV_COLUMNS, type ImportOptions } from './import/receipts-csv.js';
export { importRoutes } from './import/routes.js';

export function createPurchases(db: Database, deps: { timeZone: string; catalog: Catalog; customers: CustomersService; events: EventBus<DomainEvents> }): PurchasesService {
  return new PurchasesService(new PurchasesRepository(db, deps.timeZone), deps, new ImportedReceiptsRepository(db));
}
