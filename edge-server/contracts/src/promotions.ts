import { Type, type Static } from 'typebox';
import { Id, LiteralUnion } from './common.js';
import { DiscountKind } from './discounts.js';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Store-local day, YYYY-MM-DD (inclusive).' });
const Minor = Type.Integer({ minimum: 0, maximum: 100_000_000_00 });
const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, store time zone.' });
const Pct = Type.Integer({ minimum: 1, maximum: 100 });
const Units = Type.Integer({ minimum: 1, maximum: 1000 });
const ProductIds = Type.Array(Id, { minItems: 1, maxItems: 500 });
const Tiers = (from: string) => Type.Array(Type.Object({ fromMinor: Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: from }), percent: Pct }, { additionalProperties: false }), { minItems: 1, maxItems: 10 });

/**
 * A mechanic beyond a flat discount (1C's discount types, Odoo's loyalty programs). When a
 * promotion has a `rule`, the rule alone decides the discount and `discount` is ignored (send
 * {type:'amount', value:0}).
 * The arithmetic of each lives in edge-server/src/domains/promotions/rules.ts (one function per kind).
 *
 * - n_for_m: of every `buy` targeted units the cheapest `buy − pay` are free (3 for 2).
 * - buy_x_get_y: for every `buyQuantity` units of `buyProductIds`, `getQuantity` units of
 *   `getProductIds` get `percent` off (100 = free; cheapest first). Same product in both: groups of buy+get.
 * - gift: one unit of `productId` (rung on the receipt) is free when the rest of the basket is ≥ `minBasketMinor`.
 * - cheapest: in every group of `setSize` targeted units, the cheapest one gets `percent` off.
 * - bundle: every complete set (`items`, each product × quantity) costs `priceMinor`.
 * - threshold: the targeted subtotal picks the highest tier reached; that tier's percent off.
 * - cumulative: the shopper's lifetime spend (before this receipt) picks the tier; its percent off.
 * - coupon: gives nothing now; the receipt issues the shopper a grant of `promotionId`, valid `validDays` days from the next day.
 */
export const PromotionRule = Type.Union([
  Type.Object({ kind: Type.Literal('n_for_m'), buy: Type.Integer({ minimum: 2, maximum: 100 }), pay: Type.Integer({ minimum: 1, maximum: 99 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('buy_x_get_y'), buyProductIds: ProductIds, buyQuantity: Units, getProductIds: ProductIds, getQuantity: Units, percent: Pct }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('gift'), productId: Id, minBasketMinor: Minor }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('cheapest'), setSize: Type.Integer({ minimum: 2, maximum: 100 }), percent: Pct }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('bundle'), items: Type.Array(Type.Object({ productId: Id, quantity: Units }, { additionalProperties: false }), { minItems: 2, maxItems: 20 }), priceMinor: Minor }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('threshold'), tiers: Tiers('Targeted subtotal from which the tier applies.') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('cumulative'), tiers: Tiers('Lifetime spend from which the tier applies.') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('coupon'), promotionId: Id, validDays: Type.Integer({ minimum: 1, maximum: 366 }) }, { additionalProperties: false }),
]);
export type PromotionRule = Static<typeof PromotionRule>;
export const PROMOTION_RULE_KINDS = ['n_for_m', 'buy_x_get_y', 'gift', 'cheapest', 'bundle', 'threshold', 'cumulative', 'coupon'] as const;
export type PromotionRuleKind = (typeof PROMOTION_RULE_KINDS)[number];

/**
 * exclusive: alone, if it beats everything else; stackable: combined with every other stackable;
 * best_of: only the best of all best_of promotions joins the stack.
 */
export const PROMOTION_STACKING = ['exclusive', 'stackable', 'best_of'] as const;
export type PromotionStacking = (typeof PROMOTION_STACKING)[number];

/** percent: 0–100 % off; amount: minor units off once; price: fixed unit price; points: bonus points. */
export const PromotionDiscount = Type.Object(
  {
    type: DiscountKind,
    value: Type.Integer({ minimum: 0, maximum: 100_000_000_00 }),
  },
  { additionalProperties: false },
);

export const PromotionTarget = Type.Union([
  Type.Object({ scope: Type.Literal('basket') }, { additionalProperties: false }),
  Type.Object({ scope: Type.Literal('product'), productIds: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
  Type.Object({ scope: Type.Literal('category'), categories: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
]);

/** all: everyone; customer: one shopper (personal); segment: members of a named group; grant: only with a claimed grant or a presented code. */
export const PromotionAudience = Type.Union([
  Type.Object({ type: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('customer'), customerId: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('segment'), segment: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('grant') }, { additionalProperties: false }),
]);

export const PromotionConditions = Type.Object(
  {
    startsOn: LocalDate,
    endsOn: LocalDate,
    minBasketMinor: Type.Optional(Minor),
    minQuantity: Type.Optional(Type.Object({ productId: Id, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) }, { additionalProperties: false })),
    /** ISO days of week, 1 = Monday … 7 = Sunday. */
    daysOfWeek: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 })),
    tierIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20 })),
    /**
     * Time of day in the store's time zone, minute precision, `from` inclusive, `to` exclusive.
     * `from` > `to` is an overnight window (22:00–02:00): the hours after midnight belong to the
     * day the window opened (so `daysOfWeek: [5]` with 22:00–02:00 covers Friday 22:00 to
     * Saturday 02:00). `from` = `to` is refused (VITRINA_ERR_PROMOTION_CONTRADICTORY).
     */
    timeWindow: Type.Optional(Type.Object({ from: TimeOfDay, to: TimeOfDay }, { additionalProperties: false })),
    /** Products this promotion never discounts (a rule that would give one of them away is contradictory). */
    excludeProductIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const PromotionLimits = Type.Object(
  {
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    maxUsesPerCustomer: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    budgetMinor: Type.Optional(Minor),
  },
  { additionalProperties: false },
);

export const PromotionDefinition = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    discount: PromotionDiscount,
    target: PromotionTarget,
    audience: PromotionAudience,
    conditions: PromotionConditions,
    stacking: LiteralUnion(PROMOTION_STACKING),
    limits: PromotionLimits,
    rule: Type.Optional(PromotionRule),
    campaignId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PromotionDefinition = Static<typeof PromotionDefinition>;

export const CreatePromotionRequest = Type.Object({ id: Type.Optional(Id), ...PromotionDefinition.properties }, { additionalProperties: false });
export type CreatePromotionRequest = Static<typeof CreatePromotionRequest>;

export const Promotion = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('live'), Type.Literal('paused'), Type.Literal('ended')]),
  definition: PromotionDefinition,
  usage: Type.Object({ uses: Type.Integer(), discountMinor: Type.Integer() }),
});
export type Promotion = Static<typeof Promotion>;

export const PromotionStatusRequest = Type.Object(
  { status: Type.Union([Type.Literal('live'), Type.Literal('paused'), Type.Literal('ended')]) },
  { additionalProperties: false },
);
export type PromotionStatusRequest = Static<typeof PromotionStatusRequest>;

/** Replaces a named segment's members (promotions with audience "segment" target it). */
export const ReplaceSegmentRequest = Type.Object({ customerIds: Type.Array(Id, { maxItems: 100_000 }) }, { additionalProperties: false });
export type ReplaceSegmentRequest = Static<typeof ReplaceSegmentRequest>;

export const SegmentResult = Type.Object({ segment: Type.String(), members: Type.Integer() });
export type SegmentResult = Static<typeof SegmentResult>;

export const CreateCodesRequest = Type.Object(
  {
    promotionId: Id,
    /** Explicit codes, or `count` random ones. */
    codes: Type.Optional(Type.Array(Type.String({ minLength: 4, maxLength: 32, pattern: '^[A-Za-z0-9-]+$' }), { minItems: 1, maxItems: 1000 })),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** 1 = single-use; omitted = unlimited total uses. */
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    maxUsesPerCustomer: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type CreateCodesRequest = Static<typeof CreateCodesRequest>;

export const PromoCode = Type.Object({
  code: Type.String(),
  promotionId: Type.String(),
  maxUses: Type.Union([Type.Integer(), Type.Null()]),
  maxUsesPerCustomer: Type.Union([Type.Integer(), Type.Null()]),
  uses: Type.Integer(),
});
export type PromoCode = Static<typeof PromoCode>;

/** A kiosk or till claims a code for a shopper: the use is consumed, the promotion granted. */
export const RedeemCodeRequest = Type.Object(
  {
    customerId: Id,
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
    deviceId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RedeemCodeRequest = Static<typeof RedeemCodeRequest>;

export const RedeemCodeResponse = Type.Object({ code: Type.String(), promotionId: Type.String(), customerId: Type.String(), validTo: Type.String() });
export type RedeemCodeResponse = Static<typeof RedeemCodeResponse>;

export const IssueGiftCardRequest = Type.Object(
  {
    amountMinor: Type.Integer({ minimum: 1, maximum: 1_000_000_00 }),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
    /** Last store-local day the card pays (inclusive); omitted = no expiry. */
    expiresOn: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);
export type IssueGiftCardRequest = Static<typeof IssueGiftCardRequest>;

export const GiftCardBalance = Type.Object({
  id: Type.String(),
  last4: Type.String(),
  balanceMinor: Type.Integer(),
  status: Type.String(),
  /** Last day the card pays (store-local, inclusive); null = no expiry. */
  expiresOn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type GiftCardBalance = Static<typeof GiftCardBalance>;

/** The number is shown once, at issue; only its HMAC is stored. */
export const IssueGiftCardResponse = Type.Object({ number: Type.String(), card: GiftCardBalance });
export type IssueGiftCardResponse = Static<typeof IssueGiftCardResponse>;

/** Sent in a POST body, never a URL: the number is a bearer secret that must not reach access logs. */
export const GiftCardBalanceRequest = Type.Object({ number: Type.String({ minLength: 8, maxLength: 40 }) }, { additionalProperties: false });
export type GiftCardBalanceRequest = Static<typeof GiftCardBalanceRequest>;

/** Block or unblock a gift card (by its id, which staff see; never by number). */
export const GiftCardStatusRequest = Type.Object(
  { status: Type.Union([Type.Literal('active'), Type.Literal('blocked')]), reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type GiftCardStatusRequest = Static<typeof GiftCardStatusRequest>;

/** Issued gift cards (no numbers: only last 4), for the console. */
export const GiftCardList = Type.Array(GiftCardBalance);

export const GiftCardMovementRequest = Type.Object(
  {
    number: Type.String({ minLength: 8, maxLength: 40 }),
    amountMinor: Type.Integer({ minimum: 1, maximum: 1_000_000_00 }),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 128 }),
    receiptId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type GiftCardMovementRequest = Static<typeof GiftCardMovementRequest>;

export const CreateCampaignRequest = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    startsOn: LocalDate,
    endsOn: LocalDate,
    /** Share of customers held out as control (0–100 %). */
    holdoutPct: Type.Integer({ minimum: 0, maximum: 100 }),
    /** Breaks a tie between two equally good offers on one product: higher wins. Default 0. */
    priority: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateCampaignRequest = Static<typeof CreateCampaignRequest>;

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  holdoutPct: Type.Integer(),
  /** Tie-break between equally good offers on one product (higher wins); always sent by the server. */
  priority: Type.Optional(Type.Integer()),
  status: Type.String(),
});
export type Campaign = Static<typeof Campaign>;

export const CAMPAIGN_STATUSES = ['draft', 'live', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CampaignStatusRequest = Type.Object(
  { status: LiteralUnion(CAMPAIGN_STATUSES) },
  { additionalProperties: false },
);
export type CampaignStatusRequest = Static<typeof CampaignStatusRequest>;

/** Assigns customers to treatment or control now (intent to treat), instead of at their first scan. */
export const AssignCampaignRequest = Type.Object({ customerIds: Type.Array(Id, { minItems: 1, maxItems: 100_000 }) }, { additionalProperties: false });
export type AssignCampaignRequest = Static<typeof AssignCampaignRequest>;

export const AssignCampaignResult = Type.Object({ campaignId: Type.String(), assigned: Type.Integer() });
export type AssignCampaignResult = Static<typeof AssignCampaignResult>;

/** A campaign's personal offers, counted at each step from issue to redemption. */
export const OfferLifecycle = Type.Object({ issued: Type.Integer(), shown: Type.Integer(), clipped: Type.Integer(), redeemed: Type.Integer(), expired: Type.Integer() });
export type OfferLifecycle = Static<typeof OfferLifecycle>;

export const ExpireOffersRequest = Type.Object({ today: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false });
export type ExpireOffersRequest = Static<typeof ExpireOffersRequest>;

export const ExpireOffersResult = Type.Object({ expired: Type.Integer() });
export type ExpireOffersResult = Static<typeof ExpireOffersResult>;

export const CreateCampaignOfferRequest = Type.Object(
  {
    productId: Id,
    title: Type.String({ minLength: 1, maxLength: 120 }),
    discountKind: DiscountKind,
    discountValue: Type.Integer({ minimum: 0, maximum: 100_000_00 }),
    /**
     * Required (true) for a product that is restricted (alcohol, tobacco…): acknowledges that its
     * offer never appears on signage and reaches kiosks only where the store allows restricted
     * products. Without it such an offer is refused (VITRINA_ERR_OFFER_NOT_ELIGIBLE, detail path
     * `/kioskOnly`). It changes nothing for other products.
     */
    kioskOnly: Type.Optional(Type.Boolean()),
    /**
     * Who may have the offer and how much of it there is, enforced alike at the kiosk (it is not
     * shown) and at the till (it does not apply): members of a segment, shoppers of some tiers,
     * redemptions across all shoppers, discount money given. Each shopper redeems an offer once.
     */
    segment: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    tierIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20 })),
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    budgetMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_00 })),
  },
  { additionalProperties: false },
);
export type CreateCampaignOfferRequest = Static<typeof CreateCampaignOfferRequest>;

export const CampaignOfferCreated = Type.Object({
  offerId: Type.String(),
  campaignId: Type.String(),
  /** The product is restricted: the offer is kiosk-only (and only where the store allows it). */
  restricted: Type.Boolean(),
  /** What staff should know about where this offer will (not) appear; present for restricted products. */
  warning: Type.Optional(Type.String()),
});
export type CampaignOfferCreated = Static<typeof CampaignOfferCreated>;

export const ReferralCode = Type.Object({ code: Type.String(), qrPayload: Type.String() });
export type ReferralCode = Static<typeof ReferralCode>;

export const ClaimReferralRequest = Type.Object({ code: Type.String({ minLength: 4, maxLength: 32 }), refereeCustomerId: Id }, { additionalProperties: false });
export type ClaimReferralRequest = Static<typeof ClaimReferralRequest>;

export const ClaimReferralResult = Type.Object({ referrerId: Type.String(), refereeId: Type.String() });
export type ClaimReferralResult = Static<typeof ClaimReferralResult>;
