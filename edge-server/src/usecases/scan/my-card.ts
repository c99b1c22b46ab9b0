import { discountText, type ClaimedCode, type ClaimedReferral, type DiscountTextFormat, type MyCard, type VoucherIssued } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { CustomersService } from '../../domains/customers/index.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { OffersService } from '../../domains/offers/index.js';
import { birthdayWindow, type CodesService, type PromotionsService } from '../../domains/promotions/index.js';
import type { ReferralsService } from '../../domains/referrals/index.js';
import type { KioskSessions } from './kiosk-sessions.js';
import { issuePointsVoucher } from './points-voucher.js';

export interface KioskCardDeps {
  db: Database;
  /** The scan path's live sessions: My card answers only the kiosk that holds the session. */
  sessions: KioskSessions;
  customers: Pick<CustomersService, 'get'>;
  loyalty: Pick<LoyaltyService, 'balance' | 'settings' | 'listTiers' | 'redeemIn' | 'today'>;
  offers: Pick<OffersService, 'clippedLiveIn'>;
  promotions: Pick<PromotionsService, 'openGrantsOf' | 'row' | 'insertIn' | 'grantIn'>;
  codes: Pick<CodesService, 'claimToCard'>;
  referrals: Pick<ReferralsService, 'codeOf' | 'claim' | 'canClaim'>;
  discountFormat: Partial<DiscountTextFormat>;
}

/**
 * The kiosk's "My card": the membership of the shopper holding a session on this kiosk, and what
 * they may do with it. Every call names the session; a session of another kiosk (or none) is
 * VITRINA_ERR_SESSION_UNKNOWN, so one kiosk never reads another shopper's card.
 */
export class KioskCardService {
  constructor(private readonly d: KioskCardDeps) {}

  private shopperOf(kioskId: string, sessionId: string) {
    const s = this.d.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    return s.customerId;
  }

  async card(kioskId: string, sessionId: string): Promise<MyCard> {
    const { d } = this;
    const customerId = this.shopperOf(kioskId, sessionId);
    const today = d.loyalty.today();
    const [customer, balance, settings, tiers, clipped, grants, referral, canClaimReferral] = await Promise.all([
      d.customers.get(customerId),
      d.loyalty.balance(customerId),
      d.loyalty.settings(),
      d.loyalty.listTiers(),
      d.offers.clippedLiveIn(d.db, customerId, today),
      d.promotions.openGrantsOf(customerId, today),
      d.referrals.codeOf(customerId),
      d.referrals.canClaim(customerId),
    ]);
    const tierOf = (id: string) => tiers.find((t) => t.id === id);
    const next = balance.tier.next ? tierOf(balance.tier.next.id) : undefined;
    return {
      pointsBalance: balance.balance,
      pointValueMinor: settings.pointValueMinor,
      expiring: balance.expiring.byDate,
      tier: {
        name: balance.tier.name,
        multiplierPct: tierOf(balance.tier.id)?.multiplierPct ?? 100,
        windowSpendMinor: balance.tier.windowSpendMinor,
        next: balance.tier.next && next
          ? { name: next.name, thresholdMinor: next.thresholdMinor, multiplierPct: next.multiplierPct, remainingSpendMinor: balance.tier.next.remainingSpendMinor }
          : null,
      },
      clipped: clipped.map((o) => ({ offerId: o.id, title: o.title, discountText: discountText(o.discount_kind, o.discount_value, d.discountFormat), validUntil: o.ends_on })),
      grants: grants.map((g) => ({ name: g.name, source: g.source, validTo: g.validTo, discountText: discountText(g.discount.type, g.discount.value, d.discountFormat) })),
      referral: { code: referral.code, qrPayload: referral.qrPayload, referrerPoints: settings.referrerPoints, refereePoints: settings.refereePoints },
      canClaimReferral,
      birthday: await this.birthdayOffer(customer.birthDate, today, settings),
      voucher: settings.voucherMinPoints ? { minPoints: settings.voucherMinPoints, pointValueMinor: settings.pointValueMinor, validDays: settings.voucherValidDays ?? 30 } : null,
    };
  }

  /** The program's birthday promotion, while today is in the shopper's birthday window (the till grants it at the next sale). */
  private async birthdayOffer(birthDate: string | null, today: string, s: { birthdayPromotionId: string | null; birthdayWindowDays: number }) {
    if (!s.birthdayPromotionId) return null;
    const w = birthdayWindow(birthDate, today, s.birthdayWindowDays);
    if (!w) return null;
    const promo = await this.d.promotions.row(this.d.db, s.birthdayPromotionId);
    if (!promo || promo.status !== 'live') return null;
    return { name: promo.name, from: w.from, to: w.to };
  }

  async claimCode(kiosk: { id: string }, sessionId: string, code: string): Promise<ClaimedCode> {
    const customerId = this.shopperOf(kiosk.id, sessionId);
    const tierId = (await this.d.loyalty.balance(customerId)).tier.id;
    return this.d.codes.claimToCard(code, { customerId, tierId, deviceId: kiosk.id, key: `${sessionId}:${code.trim().toUpperCase()}` });
  }

  async claimReferral(kioskId: string, sessionId: string, code: string): Promise<ClaimedReferral> {
    const customerId = this.shopperOf(kioskId, sessionId);
    await this.d.referrals.claim(code, customerId);
    const s = await this.d.loyalty.settings();
    return { referrerPoints: s.referrerPoints, refereePoints: s.refereePoints };
  }

  voucher(kioskId: string, sessionId: string, points: number): Promise<VoucherIssued> {
    const customerId = this.shopperOf(kioskId, sessionId);
    return issuePointsVoucher(this.d, customerId, points);
  }
}
