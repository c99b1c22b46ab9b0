import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { KpisService } from './kpis-service.js';

export function kpisRoutes({ kpis, guard }: { kpis: KpisService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    serve(app, ROUTES.analytics.campaign, managers, (req) => kpis.campaign(req.params.id));
    serve(app, ROUTES.analytics.program, managers, (req) => kpis.programKpis(req.query.today, req.query.periodDays));
    serve(app, ROUTES.analytics.rfm, managers, (req) => kpis.rfm(req.query.today, req.query.periodDays ?? 365, req.query.limit ?? 100));
  };
}
