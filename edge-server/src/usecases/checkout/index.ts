/**
 * Checkout: the till's write path. A sale or a return is priced (promotions, codes, points
 * tender), earns or reverses points and is recorded, all in ONE serialized transaction.
 */
import type { Database } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { ReceiptDeps } from './receipt-deps.js';
import { ReceiptsService, type CheckoutLog, type CustomerLookup } from './receipts-service.js';

export { ReceiptsService, type ReceiptTimings, type SaleWithCustomer, type ServiceReceiptInput } from './receipts-service.js';
export { receiptsRoutes } from './routes.js';

/** `log`: each receipt's timings at debug level (reads ahead, writer wait, transaction). */
export function createCheckout(db: Database, deps: ReceiptDeps & CustomerLookup & { events: EventBus<DomainEvents>; log?: CheckoutLog }): ReceiptsService {
  return new ReceiptsService(db, deps, deps, deps.events, deps.log);
}
