import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateCodesRequest, CreatePromotionRequest, ErrorResponse, Id, PromoCode, Promotion, RedeemCodeRequest, RedeemCodeResponse } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { CodesService } from './codes/service.js';
import type { PromotionsService } from './service.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function promotionsRoutes({ promotions, codes, guard }: { promotions: PromotionsService; codes: CodesService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const managers = guard.requireRole('admin', 'marketer');
    const tags = ['promotions'];

    app.get('/promotions', { schema: { tags, response: { 200: Type.Array(Promotion) } }, preHandler: staff }, () => promotions.list());
    app.post('/promotions', { schema: { tags, body: CreatePromotionRequest, response: { 201: Promotion, ...errors } }, preHandler: managers },
      async (req, reply) => reply.status(201).send(await promotions.create(req.body)));
    app.get('/promotions/:id', { schema: { tags, params: Type.Object({ id: Id }), response: { 200: Promotion, ...errors } }, preHandler: staff }, (req) => promotions.get(req.params.id));
    app.post('/promotions/:id/status', {
      schema: { tags, params: Type.Object({ id: Id }), body: Type.Object({ status: Type.Union([Type.Literal('live'), Type.Literal('paused'), Type.Literal('ended')]) }, { additionalProperties: false }), response: { 200: Promotion, ...errors } },
      preHandler: managers,
    }, (req) => promotions.setStatus(req.params.id, req.body.status));

    app.put('/segments/:segment', {
      schema: {
        tags, params: Type.Object({ segment: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }) }),
        body: Type.Object({ customerIds: Type.Array(Id, { maxItems: 100_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ segment: Type.String(), members: Type.Integer() }), ...errors },
      },
      preHandler: managers,
    }, (req) => promotions.replaceSegment(req.params.segment, req.body.customerIds));

    app.post('/codes', { schema: { tags, body: CreateCodesRequest, response: { 201: Type.Array(PromoCode), ...errors } }, preHandler: managers },
      async (req, reply) => reply.status(201).send(await codes.create(req.body)));
    app.get('/promotions/:id/codes', { schema: { tags, params: Type.Object({ id: Id }), response: { 200: Type.Array(PromoCode) } }, preHandler: staff }, (req) => codes.list(req.params.id));
    app.post('/codes/:code/redeem', {
      schema: { tags, params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }), body: RedeemCodeRequest, response: { 200: RedeemCodeResponse, ...errors } },
      preHandler: staff,
    }, (req) => codes.redeemForCustomer(req.params.code, req.body));
  };
}
