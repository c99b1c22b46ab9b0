import type { PromotionRule } from '@vitrina/contracts';
import { allocateToLargest, roundHalfUp } from '../../shared/money/allocate.js';

/**
 * The arithmetic of the promotion rules (1C's discount types beyond a flat discount), one
 * function per kind, pure. `discountOf` (engine.ts) calls `ruleDiscount` for a promotion with a
 * `rule`; everything here works on what is left of each line (`room`, minor units) and answers
 * the discount per line, exact to the kopeck.
 *
 * Units: a line of q units with room r is q units of r/q each. "The cheapest units" are taken
 * line by line from the lowest r/q (ties: the earlier line). n units of a line at p % off cost
 * roundHalfUp(n × r × p / (q × 100)) — never more than the line's room.
 */

export interface RuleLine {
  productId: string;
  quantity: number;
}

export interface RuleExtras {
  /** The shopper's lifetime spend before this receipt (cumulative rule); 0 for an anonymous sale. */
  lifetimeSpendMinor: number;
}

/** Units chosen per line. */
type Counts = number[];

/** Discount of `n` units of a line at `pct` %. */
function unitsOff(room: number, quantity: number, n: number, pct: number): number {
  if (n <= 0 || room <= 0) return 0;
  return Math.min(room, roundHalfUp(BigInt(n) * BigInt(room) * BigInt(pct), BigInt(quantity) * 100n));
}

/** The `want` cheapest units among the lines in `pool` (indexes), as a count per line. */
function cheapestUnits(pool: readonly number[], lines: readonly RuleLine[], room: readonly number[], want: number): Counts {
  const counts = lines.map(() => 0);
  const order = [...pool].sort((a, b) => {
    // r_a / q_a vs r_b / q_b without division
    const d = BigInt(room[a]!) * BigInt(lines[b]!.quantity) - BigInt(room[b]!) * BigInt(lines[a]!.quantity);
    return d < 0n ? -1 : d > 0n ? 1 : a - b;
  });
  let left = want;
  for (const i of order) {
    if (left <= 0) break;
    const take = Math.min(left, lines[i]!.quantity);
    counts[i] = take;
    left -= take;
  }
  return counts;
}

const unitsIn = (pool: readonly number[], lines: readonly RuleLine[]) => pool.reduce((s, i) => s + lines[i]!.quantity, 0);

function percentOff(counts: Counts, lines: readonly RuleLine[], room: readonly number[], pct: number): number[] {
  return counts.map((n, i) => unitsOff(room[i]!, lines[i]!.quantity, n, pct));
}

/** Highest tier reached by `amount` (tiers in any order), or null. */
function tierFor(tiers: ReadonlyArray<{ fromMinor: number; percent: number }>, amount: number) {
  let best: { fromMinor: number; percent: number } | null = null;
  for (const t of tiers) if (amount >= t.fromMinor && (!best || t.fromMinor > best.fromMinor)) best = t;
  return best;
}

function percentOfSubtotal(pct: number, room: readonly number[], pool: readonly number[]): number[] {
  const weights = room.map((r, i) => (pool.includes(i) ? Math.max(0, r) : 0));
  const subtotal = weights.reduce((s, x) => s + x, 0);
  return allocateToLargest(Math.min(subtotal, roundHalfUp(BigInt(subtotal) * BigInt(pct), 100n)), weights);
}

/**
 * The discount per line of one rule, or null when the rule does not apply to this basket.
 * `targeted` are the indexes of lines the promotion's target covers (n_for_m, cheapest,
 * threshold, cumulative); `usable` are the lines it may discount at all (not excluded).
 */
export function ruleDiscount(rule: PromotionRule, lines: readonly RuleLine[], room: readonly number[], targeted: readonly number[], usable: readonly number[], extras: RuleExtras): number[] | null {
  const zero = () => lines.map(() => 0);
  const of = (ids: readonly string[]) => usable.filter((i) => ids.includes(lines[i]!.productId) && lines[i]!.quantity > 0);
  switch (rule.kind) {
    case 'n_for_m': {
      // Of every `buy` units the cheapest `buy − pay` are free.
      const free = Math.floor(unitsIn(targeted, lines) / rule.buy) * (rule.buy - rule.pay);
      if (free === 0) return null;
      return percentOff(cheapestUnits(targeted, lines, room, free), lines, room, 100);
    }
    case 'cheapest': {
      const n = Math.floor(unitsIn(targeted, lines) / rule.setSize);
      if (n === 0) return null;
      return percentOff(cheapestUnits(targeted, lines, room, n), lines, room, rule.percent);
    }
    case 'buy_x_get_y': {
      const buy = of(rule.buyProductIds);
      const get = of(rule.getProductIds);
      const same = rule.getProductIds.every((p) => rule.buyProductIds.includes(p));
      const n = same
        ? Math.floor(unitsIn(buy, lines) / (rule.buyQuantity + rule.getQuantity)) * rule.getQuantity
        : Math.min(Math.floor(unitsIn(buy, lines) / rule.buyQuantity) * rule.getQuantity, unitsIn(get, lines));
      if (n === 0) return null;
      return percentOff(cheapestUnits(get, lines, room, n), lines, room, rule.percent);
    }
    case 'gift': {
      const gift = of([rule.productId]);
      const rest = room.reduce((s, r, i) => s + (lines[i]!.productId === rule.productId ? 0 : Math.max(0, r)), 0);
      if (gift.length === 0 || rest < rule.minBasketMinor) return null;
      return percentOff(cheapestUnits(gift, lines, room, 1), lines, room, 100);
    }
    case 'bundle': {
      const sets = Math.min(...rule.items.map((it) => Math.floor(unitsIn(of([it.productId]), lines) / it.quantity)));
      if (sets === 0) return null;
      const value = zero();
      for (const it of rule.items) {
        const counts = cheapestUnits(of([it.productId]), lines, room, sets * it.quantity);
        counts.forEach((n, i) => { value[i]! += unitsOff(room[i]!, lines[i]!.quantity, n, 100); });
      }
      const regular = value.reduce((s, x) => s + x, 0);
      const off = regular - sets * rule.priceMinor;
      if (off <= 0) return null;
      return allocateToLargest(off, value);
    }
    case 'threshold': {
      const subtotal = targeted.reduce((s, i) => s + Math.max(0, room[i]!), 0);
      const tier = tierFor(rule.tiers, subtotal);
      return tier ? percentOfSubtotal(tier.percent, room, targeted) : null;
    }
    case 'cumulative': {
      const tier = tierFor(rule.tiers, extras.lifetimeSpendMinor);
      return tier && targeted.length > 0 ? percentOfSubtotal(tier.percent, room, targeted) : null;
    }
    case 'coupon':
      // Nothing off now; the receipt issues the coupon (engine.ts marks the applied promotion).
      return zero();
  }
}

/**
 * Rules that contradict themselves or the promotion's exclusions: the message, or null.
 * (A product both given away and excluded, a "3 for 3", buy and get sets that half overlap.)
 */
export function contradictionOf(rule: PromotionRule, excluded: readonly string[]): string | null {
  const ex = (ids: readonly string[]) => ids.find((p) => excluded.includes(p));
  switch (rule.kind) {
    case 'n_for_m':
      return rule.pay >= rule.buy ? `"${rule.buy} for ${rule.pay}" gives nothing away: pay must be less than buy.` : null;
    case 'buy_x_get_y': {
      const bad = ex(rule.getProductIds) ?? ex(rule.buyProductIds);
      if (bad) return `Product "${bad}" is both in the rule and excluded.`;
      const shared = rule.getProductIds.filter((p) => rule.buyProductIds.includes(p)).length;
      if (shared > 0 && shared < rule.getProductIds.length) return 'The "get" products must be either all among the "buy" products or none of them.';
      return null;
    }
    case 'gift':
      return excluded.includes(rule.productId) ? `The gift "${rule.productId}" is excluded.` : null;
    case 'bundle': {
      const bad = ex(rule.items.map((i) => i.productId));
      if (bad) return `Bundle product "${bad}" is excluded.`;
      return new Set(rule.items.map((i) => i.productId)).size < rule.items.length ? 'A product appears twice in the bundle.' : null;
    }
    case 'threshold':
    case 'cumulative':
      return new Set(rule.tiers.map((t) => t.fromMinor)).size < rule.tiers.length ? 'Two tiers start at the same amount.' : null;
    case 'cheapest':
    case 'coupon':
      return null;
  }
}

/** Products a rule names (each must exist in the catalogue). */
export function productsOfRule(rule: PromotionRule): string[] {
  switch (rule.kind) {
    case 'buy_x_get_y': return [...rule.buyProductIds, ...rule.getProductIds];
    case 'gift': return [rule.productId];
    case 'bundle': return rule.items.map((i) => i.productId);
    default: return [];
  }
}
