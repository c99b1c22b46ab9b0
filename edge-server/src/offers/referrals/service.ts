import { randomInt } from 'node:crypto';
import type { ReferralCode } from '@vitrina/contracts';
import type { Database, Queryable } from '../../db/database.js';
import { nowIso } from '../../db/ids.js';
import { VitrinaError } from '../../errors/vitrina-error.js';
import type { LoyaltyService } from '../../loyalty/service.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Referrals: every member has one code (shown on the kiosk as a QR payload). A new member
 * claims it once; on the referee's first purchase both sides get points, exactly once
 * (the ledger's idempotency keys guarantee it even if the reward step runs again).
 */
export class ReferralsService {
  constructor(
    private readonly db: Database,
    private readonly loyalty: LoyaltyService,
    private readonly storeId: string,
    private readonly customerExists: (id: string) => Promise<boolean>,
  ) {}

  qrPayload(code: string) {
    return `vitrina://referral?store=${encodeURIComponent(this.storeId)}&code=${code}`;
  }

  async codeOf(customerId: string): Promise<ReferralCode> {
    if (!(await this.customerExists(customerId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const code = await this.db.transaction(async (tx) => {
      const row = await tx.get<{ code: string }>('SELECT code FROM referral_codes WHERE customer_id = ?', [customerId]);
      if (row) return row.code;
      for (;;) {
        const candidate = `R${Array.from({ length: 7 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
        if (await tx.get('SELECT 1 AS x FROM referral_codes WHERE code = ?', [candidate])) continue;
        await tx.run('INSERT INTO referral_codes (code, customer_id) VALUES (?, ?)', [candidate, customerId]);
        return candidate;
      }
    });
    return { code, qrPayload: this.qrPayload(code) };
  }

  async claim(rawCode: string, refereeId: string) {
    if (!(await this.customerExists(refereeId))) throw new VitrinaError('VITRINA_ERR_CUSTOMER_UNKNOWN');
    const code = rawCode.trim().toUpperCase();
    return this.db.transaction(async (tx) => {
      const owner = await tx.get<{ customer_id: string }>('SELECT customer_id FROM referral_codes WHERE code = ?', [code]);
      if (!owner) throw new VitrinaError('VITRINA_ERR_CODE_UNKNOWN', 'Unknown referral code.');
      if (owner.customer_id === refereeId) throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', 'A member cannot refer themselves.');
      const existing = await tx.get<{ referrer_id: string }>('SELECT referrer_id FROM referrals WHERE referee_id = ?', [refereeId]);
      if (existing) {
        if (existing.referrer_id === owner.customer_id) return { referrerId: owner.customer_id, refereeId };
        throw new VitrinaError('VITRINA_ERR_CODE_ALREADY_USED', 'This member was already referred.');
      }
      if (await tx.get("SELECT 1 AS x FROM receipts WHERE customer_id = ? AND kind = 'sale'", [refereeId])) {
        throw new VitrinaError('VITRINA_ERR_OFFER_NOT_ELIGIBLE', 'Referrals are for members who have not bought yet.');
      }
      await tx.run('INSERT INTO referrals (referee_id, referrer_id, claimed_at) VALUES (?, ?, ?)', [refereeId, owner.customer_id, nowIso()]);
      return { referrerId: owner.customer_id, refereeId };
    });
  }

  /** Called inside the receipt's transaction on a customer's first sale. */
  async rewardFirstPurchase(tx: Queryable, refereeId: string, receiptId: string, at: string) {
    const ref = await tx.get<{ referrer_id: string; rewarded_receipt_id: string | null }>('SELECT referrer_id, rewarded_receipt_id FROM referrals WHERE referee_id = ?', [refereeId]);
    if (!ref || ref.rewarded_receipt_id) return;
    const s = await this.loyalty.settings(tx);
    await this.loyalty.awardIn(tx, { customerId: ref.referrer_id, kind: 'earn', points: s.referrerPoints, idempotencyKey: `referral:${refereeId}:referrer`, at, receiptId: null, note: 'referral reward' });
    await this.loyalty.awardIn(tx, { customerId: refereeId, kind: 'earn', points: s.refereePoints, idempotencyKey: `referral:${refereeId}:referee`, at, receiptId: null, note: 'referral welcome' });
    await tx.run('UPDATE referrals SET rewarded_receipt_id = ? WHERE referee_id = ?', [receiptId, refereeId]);
  }
}
