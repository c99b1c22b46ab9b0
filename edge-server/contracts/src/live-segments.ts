import { Type, type Static } from 'typebox';
import { LiteralUnion, LocalDate } from './common.js';

/**
 * Live segments (issue 15): a rule set evaluated nightly and on demand; its members are written
 * into the promotions domain's segment membership under the same name, so a promotion or offer
 * audience `{ type: 'segment', segment }` uses it. Every rule of a segment must hold (AND).
 */
export const RFM_CLASSES = ['champions', 'loyal', 'new', 'potential', 'at_risk', 'hibernating', 'lost', 'need_attention'] as const;
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Minor = Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 });
const Days = Type.Integer({ minimum: 1, maximum: 3660 });

export const SegmentRule = Type.Union([
  Type.Object({ kind: Type.Literal('rfm'), classes: Type.Array(LiteralUnion(RFM_CLASSES), { minItems: 1 }) }),
  Type.Object({ kind: Type.Literal('tier'), tierIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1 }) }),
  /** Net spend over the last `days` days, inclusive bounds (either may be absent, not both). */
  Type.Object({ kind: Type.Literal('spend'), days: Days, minMinor: Type.Optional(Minor), maxMinor: Type.Optional(Minor) }),
  /** Sales over the last `days` days. */
  Type.Object({ kind: Type.Literal('frequency'), days: Days, min: Type.Optional(Count), max: Type.Optional(Count) }),
  /** Days since the last sale: at least `minDays` (lapsed) and/or at most `maxDays` (recent). Members with no sale match only `minDays`. */
  Type.Object({ kind: Type.Literal('recency'), minDays: Type.Optional(Count), maxDays: Type.Optional(Count) }),
  /** The category's share of the member's net spend over `days` days, in percent. */
  Type.Object({ kind: Type.Literal('category'), category: Type.String({ minLength: 1, maxLength: 200 }), days: Days, minSharePct: Type.Integer({ minimum: 1, maximum: 100 }) }),
  /** "Discount lovers": share of the member's lines over `days` days that carried a discount, in percent. */
  Type.Object({ kind: Type.Literal('discount_lover'), days: Days, minSharePct: Type.Integer({ minimum: 1, maximum: 100 }) }),
  /** Members whose birthday falls in the current store month. */
  Type.Object({ kind: Type.Literal('birthday_month') }),
]);
export type SegmentRule = Static<typeof SegmentRule>;

const SegmentName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: 'Also the promotions segment name.' });
export const LiveSegmentInput = Type.Object({
  name: SegmentName,
  title: Type.String({ minLength: 1, maxLength: 120 }),
  rules: Type.Array(SegmentRule, { minItems: 1, maxItems: 12 }),
});
export type LiveSegmentInput = Static<typeof LiveSegmentInput>;

export const LiveSegmentView = Type.Object({
  name: Type.String(),
  title: Type.String(),
  rules: Type.Array(SegmentRule),
  size: Type.Union([Type.Integer(), Type.Null()]),
  evaluatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});
export type LiveSegmentView = Static<typeof LiveSegmentView>;

/** What a rule set would select now (nothing written): the count and a few member ids. */
export const SegmentPreview = Type.Object({ size: Type.Integer(), sample: Type.Array(Type.String()) });
export type SegmentPreview = Static<typeof SegmentPreview>;
export const SegmentEvaluation = Type.Object({ name: Type.String(), size: Type.Integer(), day: LocalDate });
export type SegmentEvaluation = Static<typeof SegmentEvaluation>;
/** One size per store day and segment (the last evaluation of the day). */
export const SegmentSizeHistory = Type.Object({
  from: LocalDate, to: LocalDate,
  rows: Type.Array(Type.Object({ name: Type.String(), day: LocalDate, size: Type.Integer() })),
});
export type SegmentSizeHistory = Static<typeof SegmentSizeHistory>;
