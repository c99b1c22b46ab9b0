import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { StaffAccountsService } from './accounts.js';
import type { Guards } from './guard.js';

/** Staff accounts, admins only. Each write hands its before/after to the audit log. */
export function staffRoutes({ accounts, guard }: { accounts: StaffAccountsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = guard.requireRole('admin');
    serve(app, ROUTES.staff.list, { preHandler: admin }, () => accounts.list());
    serve(app, ROUTES.staff.create, { preHandler: admin }, async (req, reply) => {
      const { result, change } = await accounts.create(req.body);
      noteAuditChange(req, change);
      return reply.status(201).send(result);
    });
    serve(app, ROUTES.staff.update, { preHandler: admin }, async (req) => {
      const { result, change } = await accounts.update(req.params.id, req.body);
      noteAuditChange(req, change);
      return result;
    });
    serve(app, ROUTES.staff.setDisabled, { preHandler: admin }, async (req) => {
      const { result, change } = await accounts.setDisabled(req.params.id, req.body.disabled);
      noteAuditChange(req, change);
      return result;
    });
    serve(app, ROUTES.staff.resetPassword, { preHandler: admin }, async (req) => {
      const { result, change } = await accounts.resetPassword(req.params.id, req.body.temporaryPassword);
      noteAuditChange(req, change);
      return result;
    });
  };
}
