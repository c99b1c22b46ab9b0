import { Type, type Static } from 'typebox';
import { Campaign, CreateCampaignOfferRequest, PromotionDefinition } from '../promotions.js';
import { ReceiptResult } from '../receipts.js';
import { PlaylistItem } from '../signage.js';
import { LayoutInput, ScheduleInput } from '../signage-content.js';
import { Id, Instant, LiteralUnion } from '../common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

// ---- Up (store → head office) ---------------------------------------------------------------

/**
 * `receipts`: a receipt as the store stored it. When the till posted it, this is the checkout's
 * `ReceiptResult` plus `storeTime`; an imported receipt (CSV) has no promotions/points breakdown,
 * so those fields are optional. `customerId` is the store-local pseudonymous id (never a card number).
 */
export const ChainReceipt = Type.Object({
  ...ReceiptResult.properties,
  storeTime: Instant,
  payableMinor: Type.Optional(Type.Integer()),
  promotions: Type.Optional(ReceiptResult.properties.promotions),
  points: Type.Optional(ReceiptResult.properties.points),
});
export type ChainReceipt = Static<typeof ChainReceipt>;

/** `ledger`: one points ledger entry (append-only at the store; `entryId` is its local id). */
export const ChainLedgerEntry = Type.Object({
  entryId: Type.Integer(),
  customerId: Type.String(),
  kind: LiteralUnion(['earn', 'redeem', 'expire', 'reverse', 'restore', 'adjust'] as const),
  points: Type.Integer(),
  at: Type.String(),
  availableOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  receiptId: Nullable(Type.String()),
});
export type ChainLedgerEntry = Static<typeof ChainLedgerEntry>;

/** `events`: one analytics event (scan, offer_shown, clip, …) as the store logged it. */
export const ChainEvent = Type.Object({
  eventId: Type.Integer(),
  type: Type.String(),
  at: Type.String(),
  deviceId: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  sessionId: Nullable(Type.String()),
  data: Type.Unknown(),
});
export type ChainEvent = Static<typeof ChainEvent>;

/** `survey`: one end-of-session survey answer. */
export const ChainSurveyAnswer = Type.Object({
  answerId: Type.String(),
  kioskId: Type.String(),
  zoneId: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  score: Type.Integer({ minimum: 0, maximum: 10 }),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  at: Type.String(),
  day: Type.String(),
});
export type ChainSurveyAnswer = Static<typeof ChainSurveyAnswer>;

/** `pop`: proof of play — one slide shown on one screen. */
export const ChainProofOfPlay = Type.Object({
  playId: Type.String(),
  screenId: Type.String(),
  zoneId: Nullable(Type.String()),
  itemKind: Type.String(),
  itemRef: Nullable(Type.String()),
  startedAt: Instant,
  durationMs: Type.Integer({ minimum: 0 }),
});
export type ChainProofOfPlay = Static<typeof ChainProofOfPlay>;

/**
 * `erasure`: the store erased this shopper (a data request). Head office removes or unlinks what
 * it holds about `<storeId>:<customerId>` and keeps only a record without the id. The only up
 * message whose point is the customer id; it is the last one about that shopper.
 */
export const ChainErasure = Type.Object({
  customerId: Type.String({ minLength: 1, maxLength: 200 }),
  erasedAt: Instant,
});
export type ChainErasure = Static<typeof ChainErasure>;

// ---- Down (head office → stores) ------------------------------------------------------------

/** `campaigns`: a chain campaign as the store should hold it (status included; `entityId` = campaign id). */
export const ChainCampaign = Type.Object({
  campaign: Campaign,
  /** Personal offers of the campaign (the store creates the ones it does not have). */
  offers: Type.Optional(Type.Array(Type.Object({ offerId: Id, ...CreateCampaignOfferRequest.properties }))),
});
export type ChainCampaign = Static<typeof ChainCampaign>;

/** `promotions`: a promotion definition and its status (`entityId` = promotion id). */
export const ChainPromotion = Type.Object({
  promotionId: Id,
  definition: PromotionDefinition,
  status: Type.String(),
});
export type ChainPromotion = Static<typeof ChainPromotion>;

/** `catalog`: products to upsert (`entityId` = a batch id; each product is an idempotent upsert). */
export const ChainCatalog = Type.Object({
  products: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      department: Type.Optional(Type.String()),
      category: Type.Optional(Type.String()),
      barcodes: Type.Optional(Type.Array(Type.String())),
      active: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 10_000 },
  ),
});
export type ChainCatalog = Static<typeof ChainCatalog>;

/** `prices`: prices to set (`entityId` = a batch id). */
export const ChainPrices = Type.Object({
  prices: Type.Array(Type.Object({ productId: Id, priceMinor: Nullable(Type.Integer({ minimum: 0 })) }), { maxItems: 50_000 }),
});
export type ChainPrices = Static<typeof ChainPrices>;

/** `content`: a signage playlist for a zone (`entityId` = zone id); media by object-store name. */
export const ChainContent = Type.Object({
  zoneId: Id,
  items: Type.Array(PlaylistItem, { maxItems: 100 }),
  /** Object store (`vitrina_media`) names of the media the items use. */
  media: Type.Optional(Type.Array(Type.Object({
    name: Type.String(), sha256: Type.String(), bytes: Type.Integer(),
    /** The file's type and name at head office (a store puts the file into its own media library under them). */
    mime: Type.Optional(Type.String({ maxLength: 100 })),
    filename: Type.Optional(Type.String({ maxLength: 200 })),
  }))),
  /**
   * Layouts to create or replace at the store, under head office's ids (a later publication
   * replaces them). Their media refs name head office's library (`mediaId` = sha256); the store
   * rewrites them to its own library's items after putting the files there.
   */
  layouts: Type.Optional(Type.Array(Type.Object({ id: Id, ...LayoutInput.properties }, { additionalProperties: false }), { maxItems: 20 })),
  /** The zone's schedule (its layout ids are the `layouts` above or ones the store already has). */
  schedule: Type.Optional(ScheduleInput),
});
export type ChainContent = Static<typeof ChainContent>;

/** `model`: a model artifact in the `vitrina_models` object store (`entityId` = model id). */
export const ChainModel = Type.Object({
  modelId: Id,
  /** Object store name of the ONNX file and of its metadata JSON. */
  onnxObject: Type.String(),
  metaObject: Type.String(),
  sha256: Type.String(),
  featureContractVersion: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
});
export type ChainModel = Static<typeof ChainModel>;

/**
 * A store's gate decision on a chain model goes up as an analytics event of this type (an `events`
 * message, so it needs no up-flow kind of its own): head office shows each store's outcome.
 */
export const CHAIN_MODEL_GATE_EVENT = 'chain_model_gate';
export const ChainModelGateEvent = Type.Object({ modelId: Type.String(), outcome: Type.String(), reason: Type.String() });
export type ChainModelGateEvent = Static<typeof ChainModelGateEvent>;
