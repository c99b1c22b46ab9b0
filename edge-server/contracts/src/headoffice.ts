import { Type, type Static } from 'typebox';
import { Id, LocalDate } from './common.js';
import { ChainCampaign, ChainCatalog, ChainContent, ChainPrices, ChainPromotion } from './chain/payloads.js';
import { ChainId } from './chain/envelope.js';
import { MethodMetrics } from './routes/recommendations.js';
import { LayoutInput, ScheduleInput } from './signage-content.js';

/** Head office's view of one store (roles/headoffice). */
export const ChainStore = Type.Object({
  id: Type.String(),
  name: Type.String(),
  region: Type.String(),
  registeredAt: Type.String(),
  /** When head office last ingested a message of this store, and when that message was written at the store. */
  lastMessageAt: Type.Union([Type.String(), Type.Null()]),
  lastOccurredAt: Type.Union([Type.String(), Type.Null()]),
  /** occurredAt → ingested delay of the last message, ms. */
  lastDelayMs: Type.Union([Type.Integer(), Type.Null()]),
  messages: Type.Integer(),
  /** Highest VITRINA_UP sequence ingested from this store. */
  lastStreamSeq: Type.Integer(),
  /** Messages still in the store's outbox that the hub has not sourced (JetStream's source lag), null when unknown. */
  outboxLag: Type.Union([Type.Integer(), Type.Null()]),
  health: Type.Union([Type.Literal('ok'), Type.Literal('catching-up'), Type.Literal('stale'), Type.Literal('never')]),
});
export type ChainStore = Static<typeof ChainStore>;

export const ChainStoresView = Type.Object({
  hub: Type.Union([Type.Literal('connected'), Type.Literal('unreachable'), Type.Literal('not-configured')]),
  /** Messages in VITRINA_UP not yet ingested (pending + in flight), null when the hub is not reachable. */
  ingestPending: Type.Union([Type.Integer(), Type.Null()]),
  stores: Type.Array(ChainStore),
});
export type ChainStoresView = Static<typeof ChainStoresView>;

export const RegisterStoreRequest = Type.Object(
  { id: ChainId, name: Type.String({ minLength: 1, maxLength: 120 }), region: ChainId },
  { additionalProperties: false },
);
export type RegisterStoreRequest = Static<typeof RegisterStoreRequest>;

export const DeadLetter = Type.Object({
  id: Type.Integer(), at: Type.String(), subject: Type.String(), streamSeq: Type.Integer(),
  storeId: Type.Union([Type.String(), Type.Null()]), code: Type.String(), reason: Type.String(),
});
export type DeadLetter = Static<typeof DeadLetter>;

/** Who a publication is for: every store, a region, or listed stores (one message per store). */
export const PublishTarget = Type.Union([
  Type.Object({ scope: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object({ scope: Type.Literal('region'), region: ChainId }, { additionalProperties: false }),
  Type.Object({ scope: Type.Literal('stores'), storeIds: Type.Array(ChainId, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
]);
export type PublishTarget = Static<typeof PublishTarget>;

const publish = <P extends Parameters<typeof Type.Object>[0]>(payload: P) => Type.Object({ target: PublishTarget, ...payload }, { additionalProperties: false });
export const PublishCampaignRequest = publish({ payload: ChainCampaign });
export const PublishPromotionRequest = publish({ payload: ChainPromotion });
export const PublishCatalogRequest = publish({ payload: ChainCatalog });
export const PublishPricesRequest = publish({ payload: ChainPrices });
/** A playlist for a zone; media come inline (base64) and go to the `vitrina_media` object store, named by sha256. */
export const PublishContentRequest = publish({
  payload: Type.Object({ zoneId: ChainContent.properties.zoneId, items: ChainContent.properties.items }),
  media: Type.Optional(Type.Array(Type.Object({ contentType: Type.String({ maxLength: 100 }), base64: Type.String({ maxLength: 40_000_000 }) }), { maxItems: 20 })),
});
export type PublishCampaignRequest = Static<typeof PublishCampaignRequest>;
export type PublishPromotionRequest = Static<typeof PublishPromotionRequest>;
export type PublishCatalogRequest = Static<typeof PublishCatalogRequest>;
export type PublishPricesRequest = Static<typeof PublishPricesRequest>;
export type PublishContentRequest = Static<typeof PublishContentRequest>;

export const Publication = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  entityId: Type.String(),
  version: Type.Integer(),
  target: PublishTarget,
  /** The stores the target named when it was published (a region's or the whole chain's at that moment). */
  storeIds: Type.Array(Type.String()),
  subjects: Type.Array(Type.String()),
  summary: Type.String(),
  publishedAt: Type.String(),
  publishedBy: Type.String(),
});
export type Publication = Static<typeof Publication>;

/** The last publication of one campaign and the whole campaign it carried (head office's console edits from it). */
export const PublishedCampaign = Type.Object({ publication: Publication, payload: ChainCampaign });
export type PublishedCampaign = Static<typeof PublishedCampaign>;
/** The last publication of one promotion and the whole promotion it carried. */
export const PublishedPromotion = Type.Object({ publication: Publication, payload: ChainPromotion });
export type PublishedPromotion = Static<typeof PublishedPromotion>;

/** Program KPIs of one store (or of the chain: storeId null) over a window. */
export const ChainKpiRow = Type.Object({
  storeId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  region: Type.String(),
  receipts: Type.Integer(),
  salesMinor: Type.Integer(),
  /** Share of receipts with a member's id. */
  memberShare: Type.Number(),
  members: Type.Integer(),
  /** Sales per sale receipt. */
  avgBasketMinor: Type.Number(),
  pointsEarned: Type.Integer(),
  pointsRedeemed: Type.Integer(),
  /** Net promoter score of the window's survey answers, null without answers. */
  nps: Type.Union([Type.Number(), Type.Null()]),
  surveyAnswers: Type.Integer(),
  plays: Type.Integer(),
});
export type ChainKpiRow = Static<typeof ChainKpiRow>;

export const ChainKpisQuery = Type.Object({ from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) }, { additionalProperties: false });
export type ChainKpisQuery = Static<typeof ChainKpisQuery>;
export const ChainKpisView = Type.Object({ from: Type.String(), to: Type.String(), chain: ChainKpiRow, stores: Type.Array(ChainKpiRow) });
export type ChainKpisView = Static<typeof ChainKpisView>;

/** A difference (treatment − control) with its normal 95% interval. */
export const Difference = Type.Object({ diff: Type.Number(), se: Type.Number(), lo: Type.Number(), hi: Type.Number() });
export type Difference = Static<typeof Difference>;

export const LiftArm = Type.Object({ shoppers: Type.Integer(), buyers: Type.Integer(), revenueMinor: Type.Integer() });
export const StoreLift = Type.Object({
  storeId: Type.String(),
  treatment: LiftArm,
  control: LiftArm,
  conversion: Type.Union([Difference, Type.Null()]),
  revenuePerShopper: Type.Union([Difference, Type.Null()]),
});
export type StoreLift = Static<typeof StoreLift>;
export const ChainCampaignLift = Type.Object({
  campaignId: Type.String(),
  name: Type.String(),
  from: Type.String(),
  to: Type.String(),
  holdoutPct: Type.Integer(),
  method: Type.String(),
  stores: Type.Array(StoreLift),
  /** Pooled across stores (inverse-variance weighted), null when no store has both arms. */
  conversion: Type.Union([Difference, Type.Null()]),
  revenuePerShopper: Type.Union([Difference, Type.Null()]),
});
export type ChainCampaignLift = Static<typeof ChainCampaignLift>;

export const ChainModelState = Type.Object({
  training: Type.Boolean(),
  decisions: Type.Array(Type.Object({
    at: Type.String(), outcome: Type.String(), reason: Type.String(), customers: Type.Integer(), baskets: Type.Integer(),
    stores: Type.Integer(), modelId: Type.Union([Type.String(), Type.Null()]), published: Type.Boolean(), methods: Type.Array(MethodMetrics),
  })),
});
export type ChainModelState = Static<typeof ChainModelState>;
export const CampaignIdParams = Type.Object({ id: Id });

// ---- Catalogue files and signage content composed at head office (console pages hq-catalog, hq-content) ----

/** A catalogue file pair (CommerceML `import.xml` + `offers.xml`, either alone) or one products CSV, as base64 of the file's bytes (1C files may be windows-1251). */
export const CatalogPreviewRequest = Type.Object(
  {
    format: Type.Union([Type.Literal('commerceml'), Type.Literal('csv')]),
    files: Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), base64: Type.String({ maxLength: 40_000_000 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 2 }),
    /** The 1C price type (Ид or name) that sets shelf prices; default: a retail one, else the first. */
    retailPriceType: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CatalogPreviewRequest = Static<typeof CatalogPreviewRequest>;

/** What the files hold, ready to publish as a `catalog` and a `prices` message; nothing is stored at head office. */
export const CatalogPreview = Type.Object({
  products: ChainCatalog.properties.products,
  prices: ChainPrices.properties.prices,
  /** Rows that cannot be published, each with its reason (all are counted, the first 1000 listed). */
  rejected: Type.Array(Type.Object({ ref: Type.String(), reason: Type.String() })),
  rejectedCount: Type.Integer(),
  warnings: Type.Array(Type.String()),
});
export type CatalogPreview = Static<typeof CatalogPreview>;

/**
 * Layouts and a zone schedule composed at head office. Image and video slides name files of head
 * office's media library (`mediaId`); they go to the `vitrina_media` object store by sha256 and
 * each store puts them into its own library.
 */
export const PublishSignageRequest = Type.Object(
  {
    target: PublishTarget,
    zoneId: ChainContent.properties.zoneId,
    layouts: Type.Array(Type.Object({ id: Id, ...LayoutInput.properties }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
    schedule: ScheduleInput,
  },
  { additionalProperties: false },
);
export type PublishSignageRequest = Static<typeof PublishSignageRequest>;

/** One store's gate outcome on a chain model, as the store reported it (newest first). */
export const ChainModelGate = Type.Object({ storeId: Type.String(), modelId: Type.String(), outcome: Type.String(), reason: Type.String(), at: Type.String() });
export type ChainModelGate = Static<typeof ChainModelGate>;
