import type { SegmentRule } from '@vitrina/contracts';

/** Rules that read a shopper's behaviour: they select only members who allow profiling (DESIGN.md, privacy). */
export const BEHAVIOURAL_KINDS: ReadonlySet<SegmentRule['kind']> = new Set(['rfm', 'spend', 'frequency', 'recency', 'category', 'discount_lover']);

export function needsProfiling(rules: readonly SegmentRule[]): boolean {
  return rules.some((r) => BEHAVIOURAL_KINDS.has(r.kind));
}

/**
 * Contradictions the schema cannot see: a range with no bound or with min above max. Returns the
 * problem in words, or null. (Unknown categories and tiers are checked against the store by the service.)
 */
export function ruleProblem(rule: SegmentRule): string | null {
  const range = (min: number | undefined, max: number | undefined, what: string) => {
    if (min === undefined && max === undefined) return `A ${what} rule needs a lower or an upper bound.`;
    if (min !== undefined && max !== undefined && min > max) return `The ${what} rule's lower bound (${min}) is above its upper bound (${max}).`;
    return null;
  };
  switch (rule.kind) {
    case 'spend': return range(rule.minMinor, rule.maxMinor, 'spend');
    case 'frequency': return range(rule.min, rule.max, 'frequency');
    case 'recency': return range(rule.minDays, rule.maxDays, 'recency');
    default: return null;
  }
}

/** What a rule needs to know of one member (absent facts mean "no purchase in the window"). */
export interface MemberFacts {
  spendMinor: number;
  sales: number;
  /** Days since the last sale, null when there is none. */
  daysSinceLast: number | null;
  /** Percent of the window's net spend in the rule's category, null without spend. */
  categorySharePct: number | null;
  /** Percent of the window's sale lines that carried a discount, null without lines. */
  discountSharePct: number | null;
  birthMonth: string | null;
  rfmClass: string | null;
  tierId: string | null;
}

/** Whether one member matches one rule; `todayMonth` is the store month (MM) for birthdays. */
export function matches(rule: SegmentRule, f: MemberFacts, todayMonth: string): boolean {
  const within = (v: number, min?: number, max?: number) => (min === undefined || v >= min) && (max === undefined || v <= max);
  switch (rule.kind) {
    case 'rfm': return f.rfmClass !== null && (rule.classes as readonly string[]).includes(f.rfmClass);
    case 'tier': return f.tierId !== null && rule.tierIds.includes(f.tierId);
    case 'spend': return within(f.spendMinor, rule.minMinor, rule.maxMinor);
    case 'frequency': return within(f.sales, rule.min, rule.max);
    case 'recency':
      // Never bought: as lapsed as can be, so it meets any "at least N days" and no "at most N days".
      if (f.daysSinceLast === null) return rule.maxDays === undefined;
      return within(f.daysSinceLast, rule.minDays, rule.maxDays);
    case 'category': return f.categorySharePct !== null && f.categorySharePct >= rule.minSharePct;
    case 'discount_lover': return f.discountSharePct !== null && f.discountSharePct >= rule.minSharePct;
    case 'birthday_month': return f.birthMonth === todayMonth;
  }
}
