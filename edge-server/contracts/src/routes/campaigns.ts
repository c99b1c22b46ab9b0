import { Type } from 'typebox';
import { Id, SweepRequest } from '../common.js';
import { ErrorResponse } from '../errors.js';
import {
  AssignCampaignRequest, AssignCampaignResult, Campaign, CampaignOfferCreated, CampaignStatusRequest, CreateCampaignOfferRequest, CreateCampaignRequest,
  ExpireOffersResult, OfferLifecycle,
} from '../promotions.js';
import { defineRoute } from './define-route.js';

const tags = ['campaigns'];
const ById = Type.Object({ id: Id });
/** What the offer sweep expired, or with `dryRun` would expire (offer instances). */
const ExpireOffersSweepResult = Type.Object({ today: Type.String(), dryRun: Type.Boolean(), ...ExpireOffersResult.properties });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Campaigns (with their holdout) and the personal offers they carry. */
export const campaignRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/campaigns', tags, response: { 200: Type.Array(Campaign) } }),
  create: defineRoute({ method: 'POST', path: '/api/v1/campaigns', tags, body: CreateCampaignRequest, response: { 201: Campaign, ...errors } }),
  get: defineRoute({ method: 'GET', path: '/api/v1/campaigns/:id', tags, params: ById, response: { 200: Campaign, ...errors } }),
  setStatus: defineRoute({ method: 'POST', path: '/api/v1/campaigns/:id/status', tags, params: ById, body: CampaignStatusRequest, response: { 200: Campaign, ...errors } }),
  addOffer: defineRoute({
    method: 'POST', path: '/api/v1/campaigns/:id/offers', tags, params: ById, body: CreateCampaignOfferRequest,
    response: { 201: CampaignOfferCreated, ...errors },
  }),
  assign: defineRoute({
    method: 'POST', path: '/api/v1/campaigns/:id/assign', tags,
    description: 'Assigns customers to treatment or control now (intent to treat), instead of at their first scan.',
    params: ById, body: AssignCampaignRequest, response: { 200: AssignCampaignResult, ...errors },
  }),
  lifecycle: defineRoute({ method: 'GET', path: '/api/v1/campaigns/:id/lifecycle', tags, params: ById, response: { 200: OfferLifecycle, ...errors } }),
  /**
   * Ends offers whose last day is before `today` (outside /campaigns, but campaign business).
   * Irreversible: `dryRun: true` previews; the real run needs `confirm: true`; `today` may not be after the store's today.
   */
  expireOffers: defineRoute({ method: 'POST', path: '/api/v1/offers/expire', tags, body: SweepRequest, response: { 200: ExpireOffersSweepResult, 400: ErrorResponse } }),
};
