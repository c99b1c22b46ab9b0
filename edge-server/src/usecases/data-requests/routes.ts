import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Consents, CustomerExport, CustomerProfile, EraseResponse, ErrorResponse } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../../domains/auth/index.js';
import type { DataRequestsService } from './data-requests.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function customersRoutes({ dataRequests, guard }: { dataRequests: DataRequestsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const admin = guard.requireRole('admin');

    app.get('/customers/:id', { schema: { tags: ['customers'], params: Params, response: { 200: CustomerProfile, 404: ErrorResponse } }, preHandler: staff },
      (req) => dataRequests.profile(req.params.id));

    app.get('/customers/:id/export', { schema: { tags: ['customers'], params: Params, response: { 200: CustomerExport, 404: ErrorResponse } }, preHandler: admin },
      (req) => dataRequests.export(req.params.id));

    app.post('/customers/:id/erase', { schema: { tags: ['customers'], params: Params, response: { 200: EraseResponse, 404: ErrorResponse, 409: ErrorResponse } }, preHandler: admin },
      (req) => dataRequests.erase(req.params.id));

    app.put('/customers/:id/consents', { schema: { tags: ['customers'], params: Params, body: Consents, response: { 200: CustomerProfile, 404: ErrorResponse } }, preHandler: staff },
      (req) => dataRequests.setConsents(req.params.id, req.body));
  };
}
