import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import { serve } from '../../platform/http/serve-route.js';
import type { ReceiptsService } from './receipts-service.js';

export function receiptsRoutes({ receipts, guard }: { receipts: ReceiptsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    serve(app, ROUTES.receipts.post, staff, (req) => receipts.post(req.body, req.staff));
    serve(app, ROUTES.receipts.quote, staff, (req) => receipts.quote(req.body, req.staff));
    serve(app, ROUTES.receipts.get, staff, (req) => receipts.get(req.params.receiptId));
  };
}
