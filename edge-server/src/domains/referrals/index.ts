/** Referrals: one code per member, a claim by a new member, points to both on the first purchase. */
import type { Database } from '../../platform/db/database.js';
import { ReferralsRepository } from './repository.js';
import { ReferralsService } from './service.js';

export { ReferralsService } from './service.js';
export { referralRoutes } from './routes.js';

export function createReferrals(db: Database, deps: ConstructorParameters<typeof ReferralsService>[2]): ReferralsService {
  return new ReferralsService(db, new ReferralsRepository(), deps);
}
