/**
 * The pricing engine: promotions with conditions and limits, promo codes, and campaigns with
 * holdout groups and the lifecycle of their personal offers. The till (usecases/checkout)
 * prices receipts with it; the scan path asks campaigns which offers a shopper's arm may see.
 */
import type { Database, Queryable } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { Catalog } from '../catalog/index.js';
import type { CustomersService } from '../customers/index.js';
import type { OffersService } from '../offers/index.js';
import { CampaignsRepository } from './campaigns/repository.js';
import { CampaignsService } from './campaigns/service.js';
import { CodesRepository } from './codes/repository.js';
import { CodesService } from './codes/service.js';
import { PromotionsRepository } from './repository.js';
import { PromotionsService } from './service.js';

export { PromotionsService, type ReceiptPromotionContext } from './service.js';
export { CodesService, normalizeCode } from './codes/service.js';
export { CampaignsService } from './campaigns/service.js';
export { armFor } from './campaigns/holdout.js';
export { birthdayWindow } from './campaigns/birthday.js';
export { evaluate, type EngineLine, type AppliedPromotion, type EnginePromotion, type EngineContext, type RejectReason } from './engine.js';
export { eligibility } from './eligibility.js';
export { promotionsRoutes } from './routes.js';
export { campaignsRoutes } from './campaigns/routes.js';

export interface PromotionsDeps {
  timeZone: string;
  catalog: Catalog;
  customers: CustomersService;
  offers: OffersService;
  events: EventBus<DomainEvents>;
  /** The birthday promotion and window (loyalty settings). */
  birthdaySettings(q: Queryable): Promise<{ birthdayPromotionId: string | null; birthdayWindowDays: number }>;
  /** The shopper's tier on a day and the money value of a point (loyalty): offers shown at the kiosk are checked and valued with them. */
  shopper: { tierOf(q: Queryable, customerId: string, day: string): Promise<string | null>; pointValueMinor(q: Queryable): Promise<number> };
}

export function createPromotions(db: Database, deps: PromotionsDeps) {
  const promotions = new PromotionsService(db, new PromotionsRepository(), deps);
  const codes = new CodesService(db, new CodesRepository(), promotions, deps.timeZone, deps.customers);
  const campaigns = new CampaignsService(db, new CampaignsRepository(), promotions, {
    catalog: deps.catalog,
    offers: deps.offers,
    events: deps.events,
    birthdays: { settings: deps.birthdaySettings, birthDateOf: (q, id) => deps.customers.birthDate(q, id) },
  });
  return { promotions, codes, campaigns };
}
