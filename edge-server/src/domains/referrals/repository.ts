import type { Queryable } from '../../platform/db/database.js';

/** The only place with SQL for referral codes and referrals. */
export class ReferralsRepository {
  codeOf(q: Queryable, customerId: string) {
    return q.get<{ code: string }>('SELECT code FROM referral_codes WHERE customer_id = ?', [customerId]).then((r) => r?.code ?? null);
  }

  ownerOf(q: Queryable, code: string) {
    return q.get<{ customer_id: string }>('SELECT customer_id FROM referral_codes WHERE code = ?', [code]).then((r) => r?.customer_id ?? null);
  }

  async insertCode(q: Queryable, code: string, customerId: string) {
    await q.run('INSERT INTO referral_codes (code, customer_id) VALUES (?, ?)', [code, customerId]);
  }

  /** Erasure: a referral code leads to its owner, so it is deleted (claims already made stay). */
  async deleteCodeOf(q: Queryable, customerId: string) {
    return (await q.run('DELETE FROM referral_codes WHERE customer_id = ?', [customerId])).changes;
  }

  referralOf(q: Queryable, refereeId: string) {
    return q.get<{ referrer_id: string; rewarded_receipt_id: string | null }>('SELECT referrer_id, rewarded_receipt_id FROM referrals WHERE referee_id = ?', [refereeId]);
  }

  async insertReferral(q: Queryable, refereeId: string, referrerId: string, at: string) {
    await q.run('INSERT INTO referrals (referee_id, referrer_id, claimed_at) VALUES (?, ?, ?)', [refereeId, referrerId, at]);
  }

  async markRewarded(q: Queryable, refereeId: string, receiptId: string) {
    await q.run('UPDATE referrals SET rewarded_receipt_id = ? WHERE referee_id = ?', [receiptId, refereeId]);
  }
}
