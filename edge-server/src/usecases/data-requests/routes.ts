import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import { serve } from '../../platform/http/serve-route.js';
import type { DataRequestsService } from './data-requests.js';

export function customersRoutes({ dataRequests, guard }: { dataRequests: DataRequestsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const admin = { preHandler: guard.requireRole('admin') };
    serve(app, ROUTES.customers.search, staff, (req) => dataRequests.search(req.query.q, req.query.limit));
    serve(app, ROUTES.customers.get, staff, (req) => dataRequests.profile(req.params.id));
    serve(app, ROUTES.customers.ledger, staff, (req) => dataRequests.ledger(req.params.id, req.query.offset, req.query.limit));
    serve(app, ROUTES.customers.export, admin, (req) => dataRequests.export(req.params.id));
    serve(app, ROUTES.customers.erase, admin, (req) => dataRequests.erase(req.params.id));
    serve(app, ROUTES.customers.setConsents, staff, (req) => dataRequests.setConsents(req.params.id, req.body));
  };
}
