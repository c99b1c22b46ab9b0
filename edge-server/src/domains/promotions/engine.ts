import type { PromotionDefinition } from '@vitrina/contracts';
import { allocateToLargest, roundHalfUp, splitByWeight } from '../../shared/money/allocate.js';
import { eligibility } from './eligibility.js';
import { ruleDiscount } from './rules.js';

/**
 * The promotions engine: pure, no I/O. Given a basket, the shopper's context and the live
 * promotions, it decides which apply and splits each discount over the basket's lines
 * (shares always sum exactly; the remainder goes to the largest line).
 *
 * Stacking: every stackable promotion that applies is combined (in id order, each on what the
 * previous left); of the best_of promotions only the best one (on what the stackables left)
 * joins the stack; an exclusive one applies alone. The engine takes whichever is best for the
 * customer: the stack, or the single best exclusive promotion (value = discount + bonus points
 * at their money value).
 *
 * Rules (n for m, buy x get y, gift, cheapest, bundle, threshold, cumulative, coupon) have
 * their arithmetic in rules.ts; `discountOf` is still the one place a discount is computed.
 */

export interface EngineLine {
  productId: string;
  category: string;
  department: string;
  quantity: number;
  /** Line amount after the till's own line discount. */
  netMinor: number;
}

export interface EnginePromotion {
  id: string;
  def: PromotionDefinition;
  /** Uses so far: total, by this customer, and discount money given. */
  usage: { uses: number; customerUses: number; discountMinor: number };
}

export interface EngineContext {
  customerId: string | null;
  tierId: string | null;
  segments: ReadonlySet<string>;
  /** Store-local day of the receipt. */
  localDate: string;
  /** Promotions this shopper may use without being in the audience: grants, presented codes. */
  unlocked: ReadonlySet<string>;
  /** Holdout arm per campaign; control gets nothing from that campaign. */
  armOf(campaignId: string): 'treatment' | 'control';
  pointValueMinor: number;
  /** Minutes since local midnight of the receipt (time windows); absent = not checked (the kiosk has no basket time). */
  localMinute?: number;
  /** The shopper's spend before this receipt (cumulative rule). */
  lifetimeSpendMinor?: number;
}

export interface AppliedPromotion {
  promotionId: string;
  discountMinor: number;
  points: number;
  perLine: number[];
  /** Bonus points split over the targeted lines (so a refund can take back its share). */
  pointsPerLine: number[];
  /** A coupon rule: the grant this receipt issues (the next-order coupon). */
  coupon?: { promotionId: string; validDays: number };
}

export interface EngineResult {
  applied: AppliedPromotion[];
  /** Promotion discount per line, summed over applied promotions. */
  lineDiscounts: number[];
  /** Why each promotion that was considered did not apply. */
  rejected: Array<{ promotionId: string; reason: RejectReason }>;
}

export type RejectReason = 'inactive' | 'audience' | 'holdout' | 'day' | 'tier' | 'min_basket' | 'min_quantity' | 'no_eligible_lines' | 'max_uses' | 'customer_limit' | 'budget' | 'not_best' | 'time';

function targets(def: PromotionDefinition, line: EngineLine): boolean {
  if (def.conditions.excludeProductIds?.includes(line.productId)) return false;
  switch (def.target.scope) {
    case 'basket':
      return true;
    case 'product':
      return def.target.productIds.includes(line.productId);
    case 'category':
      return def.target.categories.includes(line.category) || def.target.categories.includes(line.department);
  }
}

/** The discount of one promotion on its own, split over the lines (0 on lines it does not target). */
export function discountOf(p: EnginePromotion, lines: readonly EngineLine[], room: readonly number[], extras: { lifetimeSpendMinor?: number } = {}): AppliedPromotion | null {
  const { def } = p;
  if (def.rule) return ruleApplied(p, lines, room, extras.lifetimeSpendMinor ?? 0);
  const eligible = lines.map((l, i) => (targets(def, l) && l.quantity > 0 ? Math.max(0, room[i]!) : 0));
  const subtotal = eligible.reduce((s, x) => s + x, 0);
  if (!lines.some((l) => targets(def, l) && l.quantity > 0)) return null;
  const v = def.discount.value;
  let total = 0;
  let perLine: number[];
  switch (def.discount.type) {
    case 'points':
      return { promotionId: p.id, discountMinor: 0, points: v, perLine: lines.map(() => 0), pointsPerLine: splitPoints(def, lines, v) };
    case 'percent':
      total = Math.min(subtotal, roundHalfUp(BigInt(subtotal) * BigInt(Math.min(v, 100)), 100n));
      perLine = allocateToLargest(total, eligible);
      break;
    case 'amount':
      total = Math.min(subtotal, v);
      perLine = allocateToLargest(total, eligible);
      break;
    case 'price':
      // A fixed unit price: each eligible line pays at most quantity × price.
      perLine = lines.map((l, i) => (eligible[i]! > 0 ? Math.max(0, eligible[i]! - v * l.quantity) : 0));
      total = perLine.reduce((s, x) => s + x, 0);
      break;
  }
  const budget = def.limits.budgetMinor;
  if (budget !== undefined && total > budget - p.usage.discountMinor) {
    total = Math.max(0, budget - p.usage.discountMinor);
    perLine = allocateToLargest(total, perLine);
  }
  return { promotionId: p.id, discountMinor: total, points: 0, perLine, pointsPerLine: lines.map(() => 0) };
}

/** A promotion with a rule: its discount per line from rules.ts, capped by the budget like any other. */
function ruleApplied(p: EnginePromotion, lines: readonly EngineLine[], room: readonly number[], lifetimeSpendMinor: number): AppliedPromotion | null {
  const { def } = p;
  const rule = def.rule!;
  const usable = lines.map((l, i) => (!def.conditions.excludeProductIds?.includes(l.productId) && l.quantity > 0 ? i : -1)).filter((i) => i >= 0);
  const targeted = lines.map((l, i) => (targets(def, l) && l.quantity > 0 ? i : -1)).filter((i) => i >= 0);
  const safeRoom = room.map((r) => Math.max(0, r));
  let perLine = ruleDiscount(rule, lines, safeRoom, targeted, usable, { lifetimeSpendMinor });
  if (!perLine) return null;
  let total = perLine.reduce((s, x) => s + x, 0);
  const budget = def.limits.budgetMinor;
  if (budget !== undefined && total > budget - p.usage.discountMinor) {
    total = Math.max(0, budget - p.usage.discountMinor);
    perLine = allocateToLargest(total, perLine);
  }
  return {
    promotionId: p.id, discountMinor: total, points: 0, perLine, pointsPerLine: lines.map(() => 0),
    ...(rule.kind === 'coupon' ? { coupon: { promotionId: rule.promotionId, validDays: rule.validDays } } : {}),
  };
}

function splitPoints(def: PromotionDefinition, lines: readonly EngineLine[], points: number): number[] {
  const idx = lines.map((l, i) => (targets(def, l) && l.quantity > 0 ? i : -1)).filter((i) => i >= 0);
  const shares = splitByWeight(points, idx.map((i) => lines[i]!.netMinor));
  const out = lines.map(() => 0);
  idx.forEach((i, k) => { out[i] = shares[k]!; });
  return out;
}

function valueOf(applied: readonly AppliedPromotion[], pointValue: number) {
  return applied.reduce((s, a) => s + a.discountMinor + a.points * pointValue, 0);
}

export function evaluate(promotions: readonly EnginePromotion[], lines: readonly EngineLine[], ctx: EngineContext): EngineResult {
  const rejected: EngineResult['rejected'] = [];
  const ok: EnginePromotion[] = [];
  for (const p of [...promotions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const reason = eligibility(p, ctx, lines);
    if (reason) rejected.push({ promotionId: p.id, reason });
    else ok.push(p);
  }
  const nets = lines.map((l) => l.netMinor);

  // The stack: stackables in id order, each on what the previous left of every line.
  const stack: AppliedPromotion[] = [];
  const room = [...nets];
  const extras = { lifetimeSpendMinor: ctx.lifetimeSpendMinor ?? 0 };
  for (const p of ok.filter((x) => x.def.stacking === 'stackable')) {
    const a = discountOf(p, lines, room, extras);
    if (!a) { rejected.push({ promotionId: p.id, reason: 'no_eligible_lines' }); continue; }
    a.perLine.forEach((d, i) => { room[i]! -= d; });
    stack.push(a);
  }
  // best_of: the single best of them joins the stack, on what the stackables left.
  let bestOf: AppliedPromotion | null = null;
  for (const p of ok.filter((x) => x.def.stacking === 'best_of')) {
    const a = discountOf(p, lines, room, extras);
    if (!a) { rejected.push({ promotionId: p.id, reason: 'no_eligible_lines' }); continue; }
    if (!bestOf || valueOf([a], ctx.pointValueMinor) > valueOf([bestOf], ctx.pointValueMinor)) bestOf = a;
  }
  if (bestOf) stack.push(bestOf);
  let best: AppliedPromotion[] = stack;
  let bestValue = valueOf(stack, ctx.pointValueMinor);
  for (const p of ok.filter((x) => x.def.stacking === 'exclusive')) {
    const a = discountOf(p, lines, nets, extras);
    if (!a) { rejected.push({ promotionId: p.id, reason: 'no_eligible_lines' }); continue; }
    const value = valueOf([a], ctx.pointValueMinor);
    if (value > bestValue) {
      best = [a];
      bestValue = value;
    }
  }
  const chosen = new Set(best.map((a) => a.promotionId));
  for (const p of ok) if (!chosen.has(p.id) && !rejected.some((r) => r.promotionId === p.id)) rejected.push({ promotionId: p.id, reason: 'not_best' });
  const lineDiscounts = lines.map((_, i) => best.reduce((s, a) => s + a.perLine[i]!, 0));
  return { applied: best, lineDiscounts, rejected };
}
