import type { Consents, CustomerExport, CustomerProfile, EraseResponse, LedgerPage, MemberSearchResult } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { nowIso } from '../../shared/ids.js';
import type { EventLog } from '../../domains/analytics/index.js';
import type { CardsService } from '../../domains/cards/index.js';
import type { Catalog } from '../../domains/catalog/index.js';
import type { CustomersService } from '../../domains/customers/index.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { OffersService } from '../../domains/offers/index.js';
import type { PromotionsService } from '../../domains/promotions/index.js';
import type { PurchasesService } from '../../domains/purchases/index.js';
import type { ReferralsService } from '../../domains/referrals/index.js';
import type { SurveysService } from '../../domains/surveys/index.js';
import type { RewardsService } from '../../domains/rewards/index.js';

export interface DataRequestsDeps {
  db: Database;
  customers: CustomersService;
  cards: CardsService;
  offers: OffersService;
  purchases: PurchasesService;
  catalog: Catalog;
  loyalty: LoyaltyService;
  events: EventLog;
  promotions: PromotionsService;
  referrals: ReferralsService;
  surveys: SurveysService;
  rewards: Pick<RewardsService, 'exportOf' | 'forgetCustomerIn'>;
}

/**
 * Customers' data requests: profile, export (right of access), erasure, consent changes. Each
 * domain answers for its own rows. Erasure, table by table, in one transaction:
 * - deleted: cards, phones and e-mails (the HMACs that lead to the person), consent records,
 *   clipped offers, segment memberships, unused promotion grants, the referral code, when the
 *   survey was shown;
 * - survey answers: unlinked and their free text cleared (scores stay for the store's NPS);
 * - anonymized: the customer row (names, birth date, consents, source cleared; erased_at set;
 *   the import ref, an HMAC of the old program's member id, stays so a re-import skips them),
 *   events (customer id cleared);
 * - kept under the random customer id, which no longer leads to anyone: receipts and lines, the
 *   points ledger (accounting), used grants and promotion uses (budgets), campaign assignments and
 *   offer instances (holdout measurement), referral claims (rewards stay idempotent).
 * Then the WAL is checkpointed, and with secure_delete the old values are gone from the files.
 */
export class DataRequestsService {
  constructor(private readonly d: DataRequestsDeps) {}

  async profile(id: string): Promise<CustomerProfile> {
    const row = await this.d.customers.row(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const [cards, emails, consentHistory] = await Promise.all([this.d.cards.cardsOf(id), this.d.cards.emailsOf(id), this.d.customers.consentHistory(id)]);
    return {
      id: row.id, firstName: row.first_name, lastName: row.last_name ?? null, birthDate: row.birth_date, enrolledAt: row.enrolled_at,
      consents: { program: row.consent_program === 1, marketing: row.consent_marketing === 1, profiling: row.consent_profiling === 1 },
      consentsUpdatedAt: row.consents_updated_at, cards, emails, consentHistory, erasedAt: row.erased_at,
    };
  }

  /**
   * Staff search: an exact card number, phone or e-mail (through its HMAC: the store cannot list
   * numbers, only recognize one) or the start of a name. Erased members are never found.
   */
  async search(q: string, limit = 20): Promise<MemberSearchResult> {
    const term = q.trim();
    // A card of a configured pattern may hold letters (VIP123456): every term is tried as an
    // identifier first. Digits (with the separators people type) or an @ are never a name.
    const customerId = await this.d.cards.customerOf(term);
    if (customerId || term.includes('@') || /^[+\d\s().\u2010-\u2015-]+$/u.test(term)) {
      const rows = customerId ? await this.d.customers.rows([customerId]) : [];
      return { matchedBy: 'identifier', members: await this.hits(rows.filter((r) => !r.erased_at)) };
    }
    return { matchedBy: 'name', members: await this.hits(await this.d.customers.searchByName(term, limit)) };
  }

  private hits(rows: Array<{ id: string; first_name: string | null; last_name?: string | null; enrolled_at: string }>) {
    return Promise.all(rows.map(async (r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name ?? null, enrolledAt: r.enrolled_at, cards: await this.d.cards.cardsOf(r.id) })));
  }

  /** One page of the points ledger, newest first. */
  async ledger(id: string, offset = 0, limit = 50): Promise<LedgerPage> {
    const entries = await this.d.loyalty.history(id);
    entries.reverse();
    return { total: entries.length, offset, entries: entries.slice(offset, offset + limit) };
  }

  async export(id: string): Promise<CustomerExport> {
    const profile = await this.profile(id);
    const [lines, clips, events, surveyAnswers, surveyAsks, redemptions] = await Promise.all([
      this.d.purchases.exportLinesOf(id), this.d.offers.clipsOf(id), this.d.events.eventsOf(id), this.d.surveys.answersOf(id), this.d.surveys.asksOf(id),
      this.d.rewards.exportOf(this.d.db, id),
    ]);
    const names = await this.d.catalog.names(lines.map((l) => l.product_id));
    const receipts = new Map<string, CustomerExport['receipts'][number]>();
    for (const l of lines) {
      let r = receipts.get(l.id);
      if (!r) receipts.set(l.id, (r = { id: l.id, kind: l.kind, storeTime: l.store_time, totalMinor: l.total_minor, lines: [] }));
      r.lines.push({ productId: l.product_id, productName: names.get(l.product_id) ?? l.product_id, quantity: l.quantity, unitPriceMinor: l.unit_price_minor, discountMinor: l.discount_minor });
    }
    const summary = profile.erasedAt ? { pointsBalance: 0, tier: { name: '—' } } : await this.d.loyalty.summaryOf(id);
    return {
      exportedAt: nowIso(), profile, receipts: [...receipts.values()],
      clippedOffers: clips.map((c) => ({ offerId: c.offer_id, clippedAt: c.clipped_at })),
      loyalty: { pointsBalance: summary.pointsBalance, tier: summary.tier.name },
      events,
      surveyAnswers: surveyAnswers.map((a) => ({ at: a.at, kioskId: a.kioskId, score: a.score, reasons: a.reasons, comment: a.comment })),
      surveyAsks,
      rewardRedemptions: redemptions.map((r) => ({ rewardId: r.reward_id, rewardName: r.reward_name, points: r.points, at: r.at, channel: r.channel, status: r.status })),
    };
  }

  async erase(id: string): Promise<EraseResponse> {
    const row = await this.d.customers.row(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    if (row.erased_at) throw new VitrinaError('VITRINA_ERR_CONFLICT', 'That customer has already been erased.');
    const at = nowIso();
    const cardsRemoved = await this.d.db.transaction(async (tx) => {
      const removed = await this.d.cards.removeAllOf(tx, id);
      await this.d.offers.forgetClipsOf(tx, id);
      await this.d.promotions.forgetCustomerIn(tx, id);
      await this.d.referrals.forgetCustomerIn(tx, id);
      await this.d.surveys.forgetCustomerIn(tx, id);
      await this.d.rewards.forgetCustomerIn(tx, id);
      await this.d.events.forgetCustomerIn(tx, id);
      await this.d.customers.eraseIn(tx, id, at);
      return removed;
    });
    await this.d.db.checkpoint();
    return { id, erasedAt: at, cardsRemoved };
  }

  async setConsents(id: string, consents: Consents): Promise<CustomerProfile> {
    if (!(await this.d.customers.isActive(id))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    await this.d.customers.setConsents(id, consents, nowIso());
    return this.profile(id);
  }
}
