import { addDays, isoDayOfWeek } from '../../shared/calendar.js';
import type { EngineContext, EngineLine, EnginePromotion, RejectReason } from './engine.js';

/**
 * THE eligibility rule of a promotion or offer for one shopper on one day: period, holdout arm,
 * audience (segment, personal, grant), day of week, tier, and its limits (total uses, uses by
 * this shopper, money budget). The till's engine (`evaluate`) and the kiosk's offer selection
 * (`PromotionsService.offersFor`) both ask this, so a shopper is never shown an offer the till
 * would refuse.
 *
 * `lines` is the basket: the till passes it and the basket conditions (minimum basket, minimum
 * quantity) are checked too; the kiosk has no basket yet and passes none, so those two are left
 * for the till. Returns null when eligible, else the first reason it is not.
 */
export function eligibility(p: EnginePromotion, ctx: EngineContext, lines?: readonly EngineLine[]): RejectReason | null {
  const { def } = p;
  const c = def.conditions;
  if (ctx.localDate < c.startsOn || ctx.localDate > c.endsOn) return 'inactive';
  if (def.campaignId && ctx.customerId && ctx.armOf(def.campaignId) === 'control') return 'holdout';
  if (!ctx.unlocked.has(p.id)) {
    const a = def.audience;
    if (a.type === 'grant') return 'audience';
    if (a.type === 'customer' && a.customerId !== ctx.customerId) return 'audience';
    if (a.type === 'segment' && !ctx.segments.has(a.segment)) return 'audience';
  }
  // A time window (store time, minutes): the day that counts is the day the window opened, so the
  // hours after midnight of an overnight window belong to the evening before.
  let windowDay = ctx.localDate;
  if (c.timeWindow && ctx.localMinute !== undefined) {
    const from = minuteOf(c.timeWindow.from);
    const to = minuteOf(c.timeWindow.to);
    const m = ctx.localMinute;
    if (from < to) {
      if (m < from || m >= to) return 'time';
    } else if (m < to) {
      windowDay = addDays(ctx.localDate, -1);
    } else if (m < from) {
      return 'time';
    }
  }
  if (c.daysOfWeek && !c.daysOfWeek.includes(isoDayOfWeek(windowDay))) return 'day';
  if (c.tierIds && (!ctx.tierId || !c.tierIds.includes(ctx.tierId))) return 'tier';
  if (lines) {
    const basket = lines.reduce((s, l) => s + l.netMinor, 0);
    if (c.minBasketMinor !== undefined && basket < c.minBasketMinor) return 'min_basket';
    if (c.minQuantity) {
      const { productId, quantity } = c.minQuantity;
      if (lines.filter((l) => l.productId === productId).reduce((s, l) => s + l.quantity, 0) < quantity) return 'min_quantity';
    }
  }
  const lim = def.limits;
  if (lim.maxUses !== undefined && p.usage.uses >= lim.maxUses) return 'max_uses';
  if (lim.maxUsesPerCustomer !== undefined && p.usage.customerUses >= lim.maxUsesPerCustomer) return 'customer_limit';
  if (lim.budgetMinor !== undefined && p.usage.discountMinor >= lim.budgetMinor && def.discount.type !== 'points') return 'budget';
  return null;
}

/** "HH:MM" → minutes since midnight. */
export function minuteOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
