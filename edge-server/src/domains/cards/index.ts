/** Loyalty cards and phone numbers: validation, HMAC at rest, recognition and enrollment. */
import type { Database } from '../../platform/db/database.js';
import type { CustomersService } from '../customers/index.js';
import { CardsRepository } from './repository.js';
import { CardsService } from './service.js';

export { CardsService, type Recognition } from './service.js';
export { isValidEan13, makeEan13, type CardKind } from './card-number.js';

export function createCards(db: Database, deps: { customers: CustomersService; secret: string; patterns: string[] }): CardsService {
  return new CardsService(db, new CardsRepository(db), deps.customers, deps.secret, deps.patterns);
}
