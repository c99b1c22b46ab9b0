import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { LoyaltyService } from './service.js';

export function loyaltyRoutes({ loyalty, guard }: { loyalty: LoyaltyService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    const admin = { preHandler: guard.requireRole('admin') };
    const routes = ROUTES.loyalty;

    serve(app, routes.balance, staff, (req) => loyalty.balance(req.params.customerId, req.query));
    serve(app, routes.ledger, staff, (req) => loyalty.history(req.params.customerId));
    serve(app, routes.redeem, staff, (req) => loyalty.redeem(req.params.customerId, req.body.points, req.body.idempotencyKey));
    serve(app, routes.adjust, admin, (req) => loyalty.adjust(req.params.customerId, req.body.points, req.body.idempotencyKey, req.body.reason));
    serve(app, routes.expire, admin, (req) => loyalty.expireSweep(req.body.today, req.body));
    serve(app, routes.settings, staff, () => loyalty.settings());
    serve(app, routes.saveSettings, admin, (req) => loyalty.saveSettings(req.body));
    serve(app, routes.tiers, staff, () => loyalty.listTiers());
    serve(app, routes.saveTiers, managers, (req) => loyalty.replaceTiers(req.body));
    serve(app, routes.earnRules, staff, () => loyalty.listEarnRules());
    serve(app, routes.saveEarnRule, managers, (req) => loyalty.upsertEarnRule(req.body));
  };
}
