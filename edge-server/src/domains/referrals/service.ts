import { randomInt } from 'node:crypto';
import { referralCodeOf, type ReferralCode } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { nowIso } from '../../shared/ids.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { CustomersService } from '../customers/index.js';
import type { LoyaltyService } from '../loyalty/index.js';
import type { PurchasesService } from '../purchases/index.js';
import type { ReferralsRepository } from './repository.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Referrals: every member has one code (shown on the kiosk as a QR payload). A new member
 * claims it once; on the referee's first purchase both sides get points, exactly once
 * (the ledger's idempotency keys guarantee it even if the reward step runs again).
 */
export class ReferralsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ReferralsRepository,
    private readonly deps: {
      storeId: string;
      loyalty: Pick<LoyaltyService, 'settings' | 'awardIn'>;
      customers: Pick<CustomersService, 'isActive'>;
      /** Whether the customer already bought (purchases domain). */
      purchases: Pick<PurchasesService, 'hasSale'>;
    },
  ) {}


  qrPayload(code: string) {
    return `vitrina://referral?store=${encodeURIComponent(this.deps.storeId)}&code=${code}`;
  }

  async codeOf(customerId: string): Promise<ReferralCode> {
    if (!(await this.deps.customers.isActive(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const code = await this.db.transaction(async (tx) => {
      const existing = await this.repo.codeOf(tx, customerId);
      if (existing) return existing;
      for (;;) {
        const candidate = `R${Array.from({ length: 7 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
        if (await this.repo.ownerOf(tx, candidate)) continue;
        await this.repo.insertCode(tx, candidate, customerId);
        return candidate;
      }
    });
    return { code, qrPayload: this.qrPayload(code) };
  }

  /** Claims a friend's code (typed, or the whole payload of their QR) for a member who has not bought yet. */
  async claim(rawCode: string, refereeId: string) {
    if (!(await this.deps.customers.isActive(refereeId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    return this.db.transaction((tx) => this.claimIn(tx, rawCode, refereeId));
  }

  /**
   * The claim inside the caller's transaction (kiosk enrollment: the new member and their claim
   * commit together). Unknown code, one's own code, a second referrer or a member who already
   * bought: a coded error, nothing written.
   */
  async claimIn(tx: Queryable, rawCode: string, refereeId: string) {
    const code = referralCodeOf(rawCode);
    const owner = code ? await this.repo.ownerOf(tx, code) : null;
    if (!owner) throw new VitrinaError('VITRINA_ERR_REFERRAL_UNKNOWN', 'Unknown referral code.');
    if (owner === refereeId) throw new VitrinaError('VITRINA_ERR_REFERRAL_SELF', 'A member cannot refer themselves.');
    const existing = await this.repo.referralOf(tx, refereeId);
    if (existing) {
      if (existing.referrer_id === owner) return { referrerId: owner, refereeId };
      throw new VitrinaError('VITRINA_ERR_CODE_ALREADY_USED', 'This member was already referred.');
    }
    if (await this.deps.purchases.hasSale(tx, refereeId)) {
      throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', 'Referrals are for members who have not bought yet.');
    }
    await this.repo.insertReferral(tx, refereeId, owner, nowIso());
    return { referrerId: owner, refereeId };
  }

  /** Whether this member may still claim a friend's code: not referred yet and no purchase yet. */
  async canClaim(customerId: string) {
    return !(await this.repo.referralOf(this.db, customerId)) && !(await this.deps.purchases.hasSale(this.db, customerId));
  }

  /** Called inside the receipt's transaction on a customer's first sale. */
  /** Erasure: the customer's referral code stops leading to them. */
  forgetCustomerIn(tx: Queryable, customerId: string) {
    return this.repo.deleteCodeOf(tx, customerId);
  }

  async rewardFirstPurchase(tx: Queryable, refereeId: string, receiptId: string, at: string) {
    const ref = await this.repo.referralOf(tx, refereeId);
    if (!ref || ref.rewarded_receipt_id) return;
    const s = await this.deps.loyalty.settings(tx);
    await this.deps.loyalty.awardIn(tx, { customerId: ref.referrer_id, kind: 'earn', points: s.referrerPoints, idempotencyKey: `referral:${refereeId}:referrer`, at, receiptId: null, note: 'referral reward' });
    await this.deps.loyalty.awardIn(tx, { customerId: refereeId, kind: 'earn', points: s.refereePoints, idempotencyKey: `referral:${refereeId}:referee`, at, receiptId: null, note: 'referral welcome' });
    await this.repo.markRewarded(tx, refereeId, receiptId);
  }
}
