import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Consents, CustomerExport, CustomerProfile, EraseResponse, ErrorResponse } from '@vitrina/contracts';
import { Type } from 'typebox';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const customersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole('admin', 'marketer', 'staff');
  const admin = app.requireRole('admin');

  app.get('/customers/:id', { schema: { tags: ['customers'], params: Params, response: { 200: CustomerProfile, 404: ErrorResponse } }, preHandler: staff },
    (req) => app.dataRequests.profile(req.params.id));

  app.get('/customers/:id/export', { schema: { tags: ['customers'], params: Params, response: { 200: CustomerExport, 404: ErrorResponse } }, preHandler: admin },
    (req) => app.dataRequests.export(req.params.id));

  app.post('/customers/:id/erase', { schema: { tags: ['customers'], params: Params, response: { 200: EraseResponse, 404: ErrorResponse, 409: ErrorResponse } }, preHandler: admin },
    (req) => app.dataRequests.erase(req.params.id));

  app.put('/customers/:id/consents', { schema: { tags: ['customers'], params: Params, body: Consents, response: { 200: CustomerProfile, 404: ErrorResponse } }, preHandler: staff },
    (req) => app.dataRequests.setConsents(req.params.id, req.body));
};
