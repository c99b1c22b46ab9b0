/** Gift cards: issue (number shown once, HMAC at rest), balance, redeem and refund on their own ledger. */
import type { Database } from '../../platform/db/database.js';
import { GiftCardsRepository } from './repository.js';
import { GiftCardsService } from './service.js';

export { GiftCardsService, type TenderMovement } from './service.js';
export { giftCardRoutes } from './routes.js';

export function createGiftCards(db: Database, hmacOfNumber: (number: string) => string, deps: { timeZone: string }): GiftCardsService {
  return new GiftCardsService(db, new GiftCardsRepository(), hmacOfNumber, deps.timeZone);
}
