import { RFM_CLASSES, type SegmentRule } from '@vitrina/contracts';

/** The rule kinds in the order the segment form offers them. */
export const RULE_KINDS: ReadonlyArray<SegmentRule['kind']> = ['rfm', 'tier', 'spend', 'frequency', 'recency', 'category', 'discount_lover', 'birthday_month'];
export { RFM_CLASSES };

/** A fresh rule of `kind` with sensible defaults (a quarter's look-back, half the basket). */
export function defaultRule(kind: SegmentRule['kind']): SegmentRule {
  switch (kind) {
    case 'rfm': return { kind, classes: ['at_risk'] };
    case 'tier': return { kind, tierIds: ['member'] };
    case 'spend': return { kind, days: 90, minMinor: 100_00 };
    case 'frequency': return { kind, days: 90, min: 2 };
    case 'recency': return { kind, minDays: 60 };
    case 'category': return { kind, category: '', days: 90, minSharePct: 50 };
    case 'discount_lover': return { kind, days: 90, minSharePct: 50 };
    case 'birthday_month': return { kind };
  }
}

/** A number field's text → the value, or undefined when blank (an absent bound). */
export function optionalNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Money typed in the store's major units ("12.50") → minor units (1250); blank → undefined. */
export function minorOf(text: string): number | undefined {
  const n = optionalNumber(text);
  return n === undefined ? undefined : Math.round(n * 100);
}
