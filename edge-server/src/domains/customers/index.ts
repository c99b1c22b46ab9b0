/** Shoppers: identity, consents (and their history), name search, and the erasure rule (`isActive`). */
import type { Database } from '../../platform/db/database.js';
import { CustomersRepository } from './repository.js';
import { CustomersService } from './service.js';

export { CustomersService, toCustomer, consentRecordsOf, type Customer, type Consents } from './service.js';
export { birthDateOf, UNKNOWN_BIRTH_YEAR } from './birthday.js';
export { nameKey, type CustomerRow, type ConsentRecord, type ConsentSource, type ConsentName } from './repository.js';

export function createCustomers(db: Database): CustomersService {
  return new CustomersService(db, new CustomersRepository(db));
}
