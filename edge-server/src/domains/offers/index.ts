/**
 * Offers on products shown at the kiosk and on screens (owns `offers` and `clipped_offers`):
 * selection for a session, the restricted-category policy, clipping. Promotions and campaigns
 * (the pricing engine) live in domains/promotions.
 */
import type { Database } from '../../platform/db/database.js';
import type { Catalog } from '../catalog/index.js';
import { RestrictionPolicy } from './policy.js';
import { OffersRepository } from './repository.js';
import { OffersService } from './service.js';

export { OffersService, type RankedProduct, type LiveOffer, type SessionOffers, type SessionOfferFilter } from './service.js';
export type { OfferRow, NewOffer } from './repository.js';

export function createOffers(db: Database, catalog: Catalog, config: { restrictedCategories: string; kioskShowsRestricted: boolean; kioskCount: number; signageCount: number }): OffersService {
  const policy = new RestrictionPolicy(config.restrictedCategories, config.kioskShowsRestricted);
  return new OffersService(new OffersRepository(db), catalog, policy, { kiosk: config.kioskCount, signage: config.signageCount });
}
