import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdjustPointsRequest, EarnRuleConfig, ErrorResponse, Id, LedgerEntryView, LoyaltySettings, PointsBalance, PointsMovementResult, RedeemPointsRequest, TierConfig,
} from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { LoyaltyService } from './service.js';

const CustomerParams = Type.Object({ customerId: Id });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function loyaltyRoutes({ loyalty, guard }: { loyalty: LoyaltyService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const managers = guard.requireRole('admin', 'marketer');
    const admin = guard.requireRole('admin');
    const tags = ['loyalty'];

    app.get('/loyalty/customers/:customerId', {
      schema: {
        tags, params: CustomerParams,
        querystring: Type.Object({ today: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })), withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }),
        response: { 200: PointsBalance, ...errors },
      },
      preHandler: staff,
    }, (req) => loyalty.balance(req.params.customerId, req.query));

    app.get('/loyalty/customers/:customerId/ledger', {
      schema: { tags, params: CustomerParams, response: { 200: Type.Array(LedgerEntryView), ...errors } },
      preHandler: staff,
    }, (req) => loyalty.history(req.params.customerId));

    app.post('/loyalty/customers/:customerId/redeem', {
      schema: { tags, params: CustomerParams, body: RedeemPointsRequest, response: { 200: PointsMovementResult, ...errors } },
      preHandler: staff,
    }, (req) => loyalty.redeem(req.params.customerId, req.body.points, req.body.idempotencyKey));

    app.post('/loyalty/customers/:customerId/adjust', {
      schema: { tags, params: CustomerParams, body: AdjustPointsRequest, response: { 200: PointsMovementResult, ...errors } },
      preHandler: admin,
    }, (req) => loyalty.adjust(req.params.customerId, req.body.points, req.body.idempotencyKey, req.body.reason));

    app.post('/loyalty/expire', {
      schema: { tags, body: Type.Object({ today: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }, { additionalProperties: false }), response: { 200: Type.Object({ customers: Type.Integer(), points: Type.Integer() }) } },
      preHandler: admin,
    }, (req) => loyalty.expireSweep(req.body.today));

    app.get('/loyalty/settings', { schema: { tags, response: { 200: LoyaltySettings } }, preHandler: staff }, () => loyalty.settings());
    app.put('/loyalty/settings', { schema: { tags, body: LoyaltySettings, response: { 200: LoyaltySettings, ...errors } }, preHandler: admin }, (req) => loyalty.saveSettings(req.body));

    app.get('/loyalty/tiers', { schema: { tags, response: { 200: Type.Array(TierConfig) } }, preHandler: staff }, () => loyalty.listTiers());
    app.put('/loyalty/tiers', {
      schema: { tags, body: Type.Array(TierConfig, { maxItems: 20 }), response: { 200: Type.Array(TierConfig), ...errors } },
      preHandler: managers,
    }, (req) => loyalty.replaceTiers(req.body));

    app.get('/loyalty/earn-rules', { schema: { tags, response: { 200: Type.Array(EarnRuleConfig) } }, preHandler: staff }, () => loyalty.listEarnRules());
    app.put('/loyalty/earn-rules', {
      schema: { tags, body: EarnRuleConfig, response: { 200: EarnRuleConfig, ...errors, 422: ErrorResponse } },
      preHandler: managers,
    }, (req) => loyalty.upsertEarnRule(req.body));
  };
}
