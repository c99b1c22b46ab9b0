import { Type, type Static } from 'typebox';
import { Id, LiteralUnion } from './common.js';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Store-local day, YYYY-MM-DD (inclusive).' });
const SessionId = Type.String({ minLength: 1, maxLength: 64 });

/** product: a product handed over; voucher: a promotion granted to the card (applied at checkout); service: a service rendered. */
export const REWARD_KINDS = ['product', 'voucher', 'service'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export const CreateRewardRequest = Type.Object(
  {
    id: Type.Optional(Id),
    kind: LiteralUnion(REWARD_KINDS),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    pointsPrice: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    /** Units left; omitted = unlimited. */
    stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    /** Redemptions per member over the reward's life (reversed ones do not count); omitted = no limit. */
    perMemberLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    startsOn: LocalDate,
    endsOn: LocalDate,
    /** product: the catalogue product handed over. */
    productId: Type.Optional(Id),
    /** voucher: the promotion granted (audience "grant"); valid `voucherValidDays` days from the redemption day. */
    promotionId: Type.Optional(Id),
    voucherValidDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
  },
  { additionalProperties: false },
);
export type CreateRewardRequest = Static<typeof CreateRewardRequest>;

export const Reward = Type.Object({
  id: Type.String(),
  kind: LiteralUnion(REWARD_KINDS),
  name: Type.String(),
  pointsPrice: Type.Integer(),
  stock: Type.Union([Type.Integer(), Type.Null()]),
  perMemberLimit: Type.Union([Type.Integer(), Type.Null()]),
  startsOn: Type.String(),
  endsOn: Type.String(),
  productId: Type.Union([Type.String(), Type.Null()]),
  promotionId: Type.Union([Type.String(), Type.Null()]),
  voucherValidDays: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  /** Redemptions not reversed. */
  redeemed: Type.Integer(),
});
export type Reward = Static<typeof Reward>;

export const RewardStatusRequest = Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('paused')]) }, { additionalProperties: false });
export type RewardStatusRequest = Static<typeof RewardStatusRequest>;

/** At the till: the member by card number (as scanned) or id; retried with the same key → the same redemption. */
export const RedeemRewardRequest = Type.Object(
  {
    cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    customerId: Type.Optional(Id),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type RedeemRewardRequest = Static<typeof RedeemRewardRequest>;

export const RewardRedemption = Type.Object({
  id: Type.String(),
  rewardId: Type.String(),
  rewardName: Type.String(),
  kind: LiteralUnion(REWARD_KINDS),
  points: Type.Integer(),
  status: Type.Union([Type.Literal('redeemed'), Type.Literal('reversed')]),
  at: Type.String(),
  /** The member's points after this redemption (or its reversal). */
  balanceAfter: Type.Integer(),
  /** voucher: the promotion granted and its last valid day. */
  voucher: Type.Union([Type.Object({ promotionId: Type.String(), validTo: Type.String() }), Type.Null()]),
});
export type RewardRedemption = Static<typeof RewardRedemption>;

export const ReverseRewardRequest = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type ReverseRewardRequest = Static<typeof ReverseRewardRequest>;

/** Kiosk My card: the rewards this member may redeem today, and their own redemptions. */
export const KioskRewardsRequest = Type.Object({ sessionId: SessionId }, { additionalProperties: false });
export type KioskRewardsRequest = Static<typeof KioskRewardsRequest>;

export const KioskRewards = Type.Object({
  pointsBalance: Type.Integer(),
  rewards: Type.Array(Type.Object({
    id: Type.String(), kind: LiteralUnion(REWARD_KINDS), name: Type.String(), pointsPrice: Type.Integer(),
    /** Null = unlimited. */
    stock: Type.Union([Type.Integer(), Type.Null()]),
    /** Why it cannot be redeemed now (not enough points, limit reached, out of stock), or null. */
    blockedBy: Type.Union([Type.Literal('points'), Type.Literal('limit'), Type.Literal('stock'), Type.Null()]),
  })),
});
export type KioskRewards = Static<typeof KioskRewards>;

export const KioskRedeemRewardRequest = Type.Object(
  { sessionId: SessionId, rewardId: Id, idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }) },
  { additionalProperties: false },
);
export type KioskRedeemRewardRequest = Static<typeof KioskRedeemRewardRequest>;
