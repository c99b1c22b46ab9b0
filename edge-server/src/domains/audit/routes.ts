import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { AuditService } from './service.js';

/** The audit log for admins: a page of rows, and the CSV export. `admin` is the auth domain's admin guard, passed in by app.ts. */
export function auditRoutes({ audit, admin }: { audit: AuditService; admin: preHandlerAsyncHookHandler }): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.audit.list, { preHandler: admin }, (req) => audit.page(req.query));
    serve(app, ROUTES.audit.exportCsv, { preHandler: admin }, async (req, reply) => {
      // A stream: Fastify pipes it as is (the schema's string type only documents the body).
      const csv = audit.exportCsv(req.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="vitrina-audit-${day}.csv"`).send(csv as unknown as string);
    });
  };
}
