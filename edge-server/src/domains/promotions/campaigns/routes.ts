import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Campaign, CreateCampaignOfferRequest, CreateCampaignRequest, ErrorResponse, Id } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../../auth/index.js';
import type { CampaignsService } from './service.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const Params = Type.Object({ id: Id });

export function campaignsRoutes({ campaigns, guard }: { campaigns: CampaignsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const managers = guard.requireRole('admin', 'marketer');
    const tags = ['campaigns'];

    app.get('/campaigns', { schema: { tags, response: { 200: Type.Array(Campaign) } }, preHandler: staff }, () => campaigns.list());
    app.post('/campaigns', { schema: { tags, body: CreateCampaignRequest, response: { 201: Campaign, ...errors } }, preHandler: managers },
      async (req, reply) => reply.status(201).send(await campaigns.create(req.body)));
    app.get('/campaigns/:id', { schema: { tags, params: Params, response: { 200: Campaign, ...errors } }, preHandler: staff }, (req) => campaigns.get(req.params.id));
    app.post('/campaigns/:id/status', {
      schema: { tags, params: Params, body: Type.Object({ status: Type.Union(['draft', 'live', 'paused', 'ended'].map((s) => Type.Literal(s))) }, { additionalProperties: false }), response: { 200: Campaign, ...errors } },
      preHandler: managers,
    }, (req) => campaigns.setStatus(req.params.id, req.body.status as 'draft' | 'live' | 'paused' | 'ended'));
    app.post('/campaigns/:id/offers', {
      schema: { tags, params: Params, body: CreateCampaignOfferRequest, response: { 201: Type.Object({ offerId: Type.String(), campaignId: Type.String() }), ...errors } },
      preHandler: managers,
    }, async (req, reply) => reply.status(201).send(await campaigns.addOffer(req.params.id, req.body)));
    app.post('/campaigns/:id/assign', {
      schema: {
        tags, description: 'Assigns customers to treatment or control now (intent to treat), instead of at their first scan.',
        params: Params, body: Type.Object({ customerIds: Type.Array(Id, { minItems: 1, maxItems: 100_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ campaignId: Type.String(), assigned: Type.Integer() }), ...errors },
      },
      preHandler: managers,
    }, (req) => campaigns.assignAll(req.params.id, req.body.customerIds));
    app.get('/campaigns/:id/lifecycle', {
      schema: { tags, params: Params, response: { 200: Type.Object({ issued: Type.Integer(), shown: Type.Integer(), clipped: Type.Integer(), redeemed: Type.Integer(), expired: Type.Integer() }), ...errors } },
      preHandler: staff,
    }, (req) => campaigns.lifecycle(req.params.id));
    app.post('/offers/expire', {
      schema: { tags, body: Type.Object({ today: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }), response: { 200: Type.Object({ expired: Type.Integer() }) } },
      preHandler: managers,
    }, (req) => campaigns.expireOffers(req.body.today));
  };
}
