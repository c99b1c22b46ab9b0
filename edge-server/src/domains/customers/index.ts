/** Shoppers: identity, consents, and the erasure rule (`isActive`). */
import type { Database } from '../../platform/db/database.js';
import { CustomersRepository } from './repository.js';
import { CustomersService } from './service.js';

export { CustomersService, toCustomer, type Customer } from './service.js';
export type { CustomerRow } from './repository.js';

export function createCustomers(db: Database): CustomersService {
  return new CustomersService(new CustomersRepository(db));
}
