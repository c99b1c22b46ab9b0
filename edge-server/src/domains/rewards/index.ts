/** The rewards catalogue: items members buy with points (product, voucher, service), redeemed at the kiosk or the till. */
import type { Database } from '../../platform/db/database.js';
import { RewardsRepository } from './repository.js';
import { RewardsService, type RewardsDeps } from './service.js';

export { RewardsService, type RewardChannel } from './service.js';
export { rewardsRoutes } from './routes.js';

export function createRewards(db: Database, deps: RewardsDeps): RewardsService {
  return new RewardsService(db, new RewardsRepository(), deps);
}
