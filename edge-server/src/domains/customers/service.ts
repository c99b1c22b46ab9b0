import type { CustomerRow, CustomersRepository } from './repository.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

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

export class CustomersService {
  constructor(readonly repo: CustomersRepository) {}

  async get(id: string): Promise<Customer> {
    const row = await this.repo.byId(id);
    if (!row || row.erased_at) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return toCustomer(row);
  }

  count() {
    return this.repo.count();
  }
}
