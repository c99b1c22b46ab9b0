/**
 * Offers on products shown at the kiosk and on screens (owns `offers` and `clipped_offers`):
 * selection for a session, where restricted products may appear, clipping. Promotions and campaigns
 * (the pricing engine) live in domains/promotions.
 */
import type { DiscountTextFormat } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import type { Catalog } from '../catalog/index.js';
import { OffersRepository } from './repository.js';
import { OffersService } from './service.js';

export {
  OffersService, bestPerProduct, type RankedProduct, type LiveOffer, type SessionOffers, type SessionOfferFilter, type SessionOfferChoice, type OfferPrice, type OfferVerdict,
} from './service.js';
export type { OfferRow, NewOffer, OfferRules } from './repository.js';
export { displayNameOf, imageUrlOf, shorten, DISPLAY_NAME_MAX } from './display-name.js';

/**
 * Whether a product is restricted is the catalogue's decision; where it may appear is `policy.ts`.
 * `discountFormat` writes the offer's discount words in the store's language and currency (default: the demo store's).
 */
export function createOffers(
  db: Database, catalog: Catalog,
  config: { kioskShowsRestricted: boolean; kioskCount: number; signageCount: number; discountFormat?: Partial<DiscountTextFormat> },
): OffersService {
  return new OffersService(
    new OffersRepository(db), catalog, { kioskShowsRestricted: config.kioskShowsRestricted }, { kiosk: config.kioskCount, signage: config.signageCount },
    config.discountFormat,
  );
}
