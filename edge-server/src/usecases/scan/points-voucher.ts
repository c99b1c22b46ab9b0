import { randomUUID } from 'node:crypto';
import type { PromotionDefinition, VoucherIssued } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { nowIso } from '../../shared/ids.js';
import { addDays } from '../../shared/calendar.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { PromotionsService } from '../../domains/promotions/index.js';

export interface PointsVoucherDeps {
  db: Database;
  loyalty: Pick<LoyaltyService, 'settings' | 'redeemIn' | 'today'>;
  promotions: Pick<PromotionsService, 'insertIn' | 'grantIn'>;
}

/**
 * Points → a discount voucher for the next purchase, where the program allows it (loyalty setting
 * `voucherMinPoints`). One transaction: the `redeem` entry in the points ledger (balance checked
 * inside it), a one-use basket promotion worth the points, and its grant to the shopper. The till
 * applies the grant on the shopper's next carded sale and consumes it, so it applies once.
 */
export async function issuePointsVoucher(d: PointsVoucherDeps, customerId: string, points: number, at = nowIso()): Promise<VoucherIssued> {
  return d.db.transaction(async (tx) => {
    const s = await d.loyalty.settings(tx);
    if (s.voucherMinPoints === null || s.voucherMinPoints === undefined) throw new VitrinaError('VITRINA_ERR_VOUCHER_UNAVAILABLE');
    if (points < s.voucherMinPoints) throw new VitrinaError('VITRINA_ERR_INSUFFICIENT_POINTS', `A voucher takes at least ${s.voucherMinPoints} points.`);
    const day = d.loyalty.today(at);
    const validTo = addDays(day, (s.voucherValidDays ?? 30) - 1);
    const amountMinor = points * s.pointValueMinor;
    // A fresh key per request: two taps are two vouchers only if the balance pays for both.
    const key = `voucher:${randomUUID()}`;
    const moved = await d.loyalty.redeemIn(tx, { customerId, points, idempotencyKey: key, at });
    const def: PromotionDefinition = {
      name: `Points voucher (${points} points)`,
      discount: { type: 'amount', value: amountMinor },
      target: { scope: 'basket' },
      // Only a grant unlocks it: the definition names no shopper, the grant row does.
      audience: { type: 'grant' },
      conditions: { startsOn: day, endsOn: validTo },
      stacking: 'stackable',
      limits: { maxUses: 1 },
    };
    const promotionId = await d.promotions.insertIn(tx, def);
    await d.promotions.grantIn(tx, { promotionId, customerId, source: 'voucher', sourceKey: key, validFrom: day, validTo });
    return { points, amountMinor, validTo, balanceAfter: moved.balanceAfter };
  });
}
