import type { Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { CustomerRow, CustomersRepository } from './repository.js';

export interface Customer {
  id: string;
  firstName: string | null;
  birthDate: string | null;
  consents: { program: boolean; marketing: boolean; profiling: boolean };
  erased: boolean;
}

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    firstName: r.first_name,
    birthDate: r.birth_date,
    consents: { program: r.consent_program === 1, marketing: r.consent_marketing === 1, profiling: r.consent_profiling === 1 },
    erased: r.erased_at !== null,
  };
}

/**
 * Shoppers and their consents. The one place that decides whether a customer id still stands
 * for a person (`isActive`): an erased customer is unknown to every other domain.
 */
export class CustomersService {
  constructor(private readonly repo: CustomersRepository) {}

  /** A customer who exists and has not been erased. */
  async isActive(id: string): Promise<boolean> {
    const row = await this.repo.byId(id);
    return !!row && !row.erased_at;
  }

  /** An active customer, or VITRINA_ERR_CUSTOMER_UNKNOWN. */
  async get(id: string): Promise<Customer> {
    const row = await this.repo.byId(id);
    if (!row || row.erased_at) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return toCustomer(row);
  }

  /** The stored row, erased or not (data requests show what is left after an erasure). */
  row(id: string) {
    return this.repo.byId(id);
  }

  insert(tx: Queryable, row: CustomerRow) {
    return this.repo.insert(tx, row);
  }

  eraseIn(tx: Queryable, id: string, at: string) {
    return this.repo.erase(tx, id, at);
  }

  setConsents(id: string, consents: { program: boolean; marketing: boolean; profiling: boolean }, at: string) {
    return this.repo.setConsents(id, consents, at);
  }

  birthDate(q: Queryable, id: string) {
    return this.repo.birthDate(q, id);
  }

  activeIds() {
    return this.repo.activeIds();
  }

  count() {
    return this.repo.count();
  }
}
