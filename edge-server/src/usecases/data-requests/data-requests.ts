import type { FastifyInstance } from 'fastify';
import type { Consents, CustomerExport, CustomerProfile, EraseResponse } from '@vitrina/contracts';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { CustomerDataRepository } from '../../domains/customers/repository.js';

/** Customers' data requests: profile, export (right of access), erasure, consent changes. */
export class DataRequestsService {
  constructor(private readonly app: FastifyInstance, private readonly repo: CustomerDataRepository) {}

  async profile(id: string): Promise<CustomerProfile> {
    const row = await this.app.customers.repo.byId(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return {
      id: row.id, firstName: row.first_name, birthDate: row.birth_date, enrolledAt: row.enrolled_at,
      consents: { program: row.consent_program === 1, marketing: row.consent_marketing === 1, profiling: row.consent_profiling === 1 },
      consentsUpdatedAt: row.consents_updated_at, cards: await this.repo.cardsOf(id), erasedAt: row.erased_at,
    };
  }

  async export(id: string): Promise<CustomerExport> {
    const profile = await this.profile(id);
    const [lines, clips, events] = await Promise.all([this.repo.receiptsOf(id), this.repo.clipsOf(id), this.repo.eventsOf(id)]);
    const receipts = new Map<string, CustomerExport['receipts'][number]>();
    for (const l of lines) {
      let r = receipts.get(l.id);
      if (!r) receipts.set(l.id, (r = { id: l.id, kind: l.kind, storeTime: l.store_time, totalMinor: l.total_minor, lines: [] }));
      r.lines.push({ productId: l.product_id, productName: l.product_name, quantity: l.quantity, unitPriceMinor: l.unit_price_minor, discountMinor: l.discount_minor });
    }
    const summary = profile.erasedAt ? { pointsBalance: 0, tier: { name: '—' } } : await this.app.loyalty.summaryOf(id);
    return {
      exportedAt: nowIso(), profile, receipts: [...receipts.values()],
      clippedOffers: clips.map((c) => ({ offerId: c.offer_id, clippedAt: c.clipped_at })),
      loyalty: { pointsBalance: summary.pointsBalance, tier: summary.tier.name },
      events,
    };
  }

  async erase(id: string): Promise<EraseResponse> {
    const row = await this.app.customers.repo.byId(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    if (row.erased_at) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That customer has already been erased.');
    const at = nowIso();
    const cardsRemoved = await this.repo.erase(id, at);
    return { id, erasedAt: at, cardsRemoved };
  }

  async setConsents(id: string, consents: Consents): Promise<CustomerProfile> {
    const row = await this.app.customers.repo.byId(id);
    if (!row || row.erased_at) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    await this.repo.setConsents(id, consents, nowIso());
    return this.profile(id);
  }
}
