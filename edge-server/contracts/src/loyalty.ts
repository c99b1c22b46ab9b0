import { Type, type Static } from 'typebox';
import { Id, LocalDate, SweepRequest } from './common.js';

export const PointsBalance = Type.Object({
  customerId: Type.String(),
  /** Spendable now (negative while a refund's points debt is being paid off). */
  balance: Type.Integer(),
  pending: Type.Integer(),
  expiring: Type.Object({ withinDays: Type.Integer(), points: Type.Integer(), byDate: Type.Array(Type.Object({ date: Type.String(), points: Type.Integer() })) }),
  tier: Type.Object({
    id: Type.String(),
    name: Type.String(),
    windowSpendMinor: Type.Integer(),
    reviewOn: Type.String(),
    next: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), remainingSpendMinor: Type.Integer() }), Type.Null()]),
  }),
});
export type PointsBalance = Static<typeof PointsBalance>;

export const LedgerEntryView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  points: Type.Integer(),
  at: Type.String(),
  localDate: Type.String(),
  availableOn: Type.Union([Type.String(), Type.Null()]),
  expiresOn: Type.Union([Type.String(), Type.Null()]),
  receiptId: Type.Union([Type.String(), Type.Null()]),
  idempotencyKey: Type.String(),
});
export type LedgerEntryView = Static<typeof LedgerEntryView>;

export const RedeemPointsRequest = Type.Object(
  {
    points: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    /** Same key again = the same redemption (a retry), never a second one. */
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
    reason: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);
export type RedeemPointsRequest = Static<typeof RedeemPointsRequest>;

export const AdjustPointsRequest = Type.Object(
  {
    points: Type.Integer({ minimum: -100_000_000, maximum: 100_000_000, not: { const: 0 } }),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type AdjustPointsRequest = Static<typeof AdjustPointsRequest>;

export const PointsMovementResult = Type.Object({ entryId: Type.Integer(), points: Type.Integer(), balanceAfter: Type.Integer() });
export type PointsMovementResult = Static<typeof PointsMovementResult>;

export const TierConfig = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    thresholdMinor: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
    multiplierPct: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  { additionalProperties: false },
);
export type TierConfig = Static<typeof TierConfig>;

export const EarnRuleConfig = Type.Union([
  Type.Object({ id: Id, kind: Type.Literal('category_multiplier'), category: Type.String({ minLength: 1, maxLength: 80 }), multiplierPct: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false }),
  Type.Object({ id: Id, kind: Type.Literal('product_bonus'), productId: Id, bonusPoints: Type.Integer({ minimum: 0, maximum: 1_000_000 }) }, { additionalProperties: false }),
]);
export type EarnRuleConfig = Static<typeof EarnRuleConfig>;

export const LoyaltySettings = Type.Object(
  {
    earnRateBp: Type.Integer({ minimum: 0, maximum: 100_000 }),
    pointValueMinor: Type.Integer({ minimum: 1, maximum: 10_000 }),
    validityDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    pendingDays: Type.Integer({ minimum: 0, maximum: 365 }),
    tierWindowDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    tierReviewMonthDay: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
    defaultMarginBp: Type.Integer({ minimum: 0, maximum: 10_000 }),
    referrerPoints: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    refereePoints: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    birthdayPromotionId: Type.Union([Id, Type.Null()]),
    birthdayWindowDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** Points → discount voucher on the kiosk: the fewest points a voucher takes; null = not offered. Omitted on save = unchanged. */
    voucherMinPoints: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000_000 }), Type.Null()])),
    /** Days a points voucher stays valid (from the day it is made). Omitted on save = unchanged. */
    voucherValidDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);
export type LoyaltySettings = Static<typeof LoyaltySettings>;

/** `today` pins the clock (tests, back-dated reports; within 5 years of the store's today); `withinDays` sizes the "expiring soon" window. */
export const PointsBalanceQuery = Type.Object({
  today: Type.Optional(LocalDate),
  withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
});
export type PointsBalanceQuery = Static<typeof PointsBalanceQuery>;

/**
 * Expires every lot lapsed by `today` (store's today by default, never later). The ledger is
 * append-only, so `dryRun: true` previews and the real run needs `confirm: true`.
 */
export const ExpirePointsRequest = SweepRequest;
export type ExpirePointsRequest = Static<typeof ExpirePointsRequest>;

/** What the sweep expired, or with `dryRun` would expire: shoppers, lots and points. */
export const ExpirePointsResult = Type.Object({ today: Type.String(), dryRun: Type.Boolean(), customers: Type.Integer(), lots: Type.Integer(), points: Type.Integer() });
export type ExpirePointsResult = Static<typeof ExpirePointsResult>;
