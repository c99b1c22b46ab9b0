/** The points program: ledger, balances, expiry, tiers, earn rules and program settings. */
import type { Database } from '../../platform/db/database.js';
import { LoyaltyRepository } from './repository.js';
import { LoyaltyService } from './service.js';

export { LoyaltyService, EXPIRING_SOON_DAYS, type LoyaltyReader, type LoyaltySummary } from './service.js';
export { computeEarn } from './earn.js';
export type { DaySpend } from './tiers.js';
export { loyaltyRoutes } from './routes.js';

export function createLoyalty(db: Database, opts: { storeId: string; timeZone: string }, deps: ConstructorParameters<typeof LoyaltyService>[3]): LoyaltyService {
  return new LoyaltyService(db, new LoyaltyRepository(opts.storeId, opts.timeZone), opts.timeZone, deps);
}
