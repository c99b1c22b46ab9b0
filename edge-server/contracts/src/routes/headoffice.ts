import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import {
  CampaignIdParams, ChainCampaignLift, ChainKpisQuery, ChainKpisView, ChainModelState, ChainStore, ChainStoresView, DeadLetter, Publication,
  PublishCampaignRequest, PublishCatalogRequest, PublishContentRequest, PublishPricesRequest, PublishPromotionRequest, RegisterStoreRequest,
  CatalogPreview, CatalogPreviewRequest, ChainModelGate, PublishSignageRequest,
  PublishedCampaign, PublishedPromotion,
} from '../headoffice.js';
import { defineRoute } from './define-route.js';

const tags = ['headoffice'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse };
const publishRoute = <B extends typeof PublishCampaignRequest | typeof PublishPromotionRequest | typeof PublishCatalogRequest | typeof PublishPricesRequest | typeof PublishContentRequest | typeof PublishSignageRequest, const P extends string>(path: P, body: B, description: string) =>
  defineRoute({ method: 'POST', path, tags, security, description, body, response: { 201: Publication, ...errors } });

/** Head office's API (served only when ROLE=headoffice; roles/headoffice). */
export const headOfficeRoutes = {
  /** Answers only on a head-office server: the console shows its chain pages when this answers. */
  role: defineRoute({ method: 'GET', path: '/api/v1/hq/role', tags, description: 'This server runs as head office.', response: { 200: Type.Object({ role: Type.Literal('headoffice') }), 404: ErrorResponse } }),
  stores: defineRoute({ method: 'GET', path: '/api/v1/hq/stores', tags, security, description: 'The chain\'s stores: health, last message, lag.', response: { 200: ChainStoresView, ...errors } }),
  registerStore: defineRoute({
    method: 'PUT', path: '/api/v1/hq/stores', tags, security, description: 'Registers (or renames, moves) a store; its outbox becomes a source of VITRINA_UP.',
    body: RegisterStoreRequest, response: { 200: ChainStore, ...errors },
  }),
  deadLetters: defineRoute({ method: 'GET', path: '/api/v1/hq/dead-letters', tags, security, description: 'Up messages refused at ingest, newest first.', response: { 200: Type.Array(DeadLetter), ...errors } }),
  publications: defineRoute({ method: 'GET', path: '/api/v1/hq/publications', tags, security, description: 'What head office published down, newest first.', response: { 200: Type.Array(Publication), ...errors } }),
  publishedCampaigns: defineRoute({
    method: 'GET', path: '/api/v1/hq/publish/campaigns', tags, security, description: 'Every campaign head office published: its last publication and the whole campaign it carried, newest first.',
    response: { 200: Type.Array(PublishedCampaign), ...errors },
  }),
  publishedPromotions: defineRoute({
    method: 'GET', path: '/api/v1/hq/publish/promotions', tags, security, description: 'Every promotion head office published: its last publication and the whole promotion it carried, newest first.',
    response: { 200: Type.Array(PublishedPromotion), ...errors },
  }),
  publishCampaign: publishRoute('/api/v1/hq/publish/campaigns', PublishCampaignRequest, 'A chain campaign (with its offers) to all stores, a region or listed stores.'),
  publishPromotion: publishRoute('/api/v1/hq/publish/promotions', PublishPromotionRequest, 'A promotion to all stores, a region or listed stores.'),
  publishCatalog: publishRoute('/api/v1/hq/publish/catalog', PublishCatalogRequest, 'Products to upsert at the targeted stores.'),
  publishPrices: publishRoute('/api/v1/hq/publish/prices', PublishPricesRequest, 'Prices to set at the targeted stores.'),
  publishContent: publishRoute('/api/v1/hq/publish/content', PublishContentRequest, 'A zone playlist; its media go to the vitrina_media object store.'),
  publishSignage: publishRoute('/api/v1/hq/publish/signage', PublishSignageRequest, 'Layouts and a zone schedule; their media (from head office\'s library) go to the vitrina_media object store.'),
  catalogPreview: defineRoute({
    method: 'POST', path: '/api/v1/hq/catalog/preview', tags, security, description: 'Reads a CommerceML pair or a products CSV into the products and prices a publication would carry, with rejected rows; stores nothing.',
    body: CatalogPreviewRequest, response: { 200: CatalogPreview, ...errors },
  }),
  modelGates: defineRoute({ method: 'GET', path: '/api/v1/hq/model/gates', tags, security, description: 'Each store\'s gate outcome on the chain models, as the stores reported them, newest first.', response: { 200: Type.Array(ChainModelGate), ...errors } }),
  kpis: defineRoute({ method: 'GET', path: '/api/v1/hq/analytics/kpis', tags, security, description: 'Program KPIs per store and for the chain.', querystring: ChainKpisQuery, response: { 200: ChainKpisView, ...errors } }),
  campaignLift: defineRoute({
    method: 'GET', path: '/api/v1/hq/analytics/campaigns/:id', tags, security, description: 'A chain campaign\'s lift vs holdout per store and pooled, with 95% intervals.',
    params: CampaignIdParams, response: { 200: ChainCampaignLift, ...errors },
  }),
  model: defineRoute({ method: 'GET', path: '/api/v1/hq/model', tags, security, description: 'Chain model training runs and publications.', response: { 200: ChainModelState, ...errors } }),
  trainModel: defineRoute({
    method: 'POST', path: '/api/v1/hq/model/train', tags, security, description: 'Trains the ranker on every store\'s receipts; a promoted model is published to every store.',
    response: { 202: Type.Object({ started: Type.Literal(true) }), ...errors },
  }),
} as const;
