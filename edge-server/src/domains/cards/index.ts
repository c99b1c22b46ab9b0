/** Loyalty cards, phone numbers and e-mail addresses: validation, HMAC at rest, recognition, enrollment, virtual cards. */
import type { Database } from '../../platform/db/database.js';
import type { CustomersService } from '../customers/index.js';
import { CardsRepository } from './repository.js';
import { CardsService, type CardsOptions } from './service.js';

export {
  CardsService, DEFAULT_VIRTUAL_CARD_PREFIX, type CardsOptions, type EnrollOptions, type EnrollResult, type Prepared, type PreparedIdentifier, type Recognition,
} from './service.js';
export { isValidEan13, makeEan13, normalizePhone, type CardKind } from './card-number.js';
export { phoneRegionOf } from './phone-key.js';
export { maskEmail, normalizeEmail } from './email.js';

export function createCards(db: Database, deps: { customers: CustomersService; secret: string } & CardsOptions): CardsService {
  return new CardsService(db, new CardsRepository(db), deps.customers, deps.secret, deps);
}
