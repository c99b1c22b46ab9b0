import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { CodesService } from './codes/service.js';
import type { PromotionsService } from './service.js';

export function promotionsRoutes({ promotions, codes, guard }: { promotions: PromotionsService; codes: CodesService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };

    serve(app, ROUTES.promotions.list, staff, () => promotions.list());
    serve(app, ROUTES.promotions.create, managers, async (req, reply) => reply.status(201).send(await promotions.create(req.body)));
    serve(app, ROUTES.promotions.get, staff, (req) => promotions.get(req.params.id));
    serve(app, ROUTES.promotions.setStatus, managers, (req) => promotions.setStatus(req.params.id, req.body.status));
    serve(app, ROUTES.segments.replace, managers, (req) => promotions.replaceSegment(req.params.segment, req.body.customerIds));
    serve(app, ROUTES.codes.create, managers, async (req, reply) => reply.status(201).send(await codes.create(req.body)));
    serve(app, ROUTES.promotions.codes, staff, (req) => codes.list(req.params.id));
    serve(app, ROUTES.codes.redeem, staff, (req) => codes.redeemForCustomer(req.params.code, req.body));
  };
}
