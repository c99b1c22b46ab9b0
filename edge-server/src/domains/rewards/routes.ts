import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { RewardsService } from './service.js';

/** The rewards catalogue: managed by admins and marketers, redeemed and reversed at the till. */
export function rewardsRoutes({ rewards, guard }: { rewards: RewardsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    const routes = ROUTES.rewards;
    serve(app, routes.list, staff, () => rewards.list());
    serve(app, routes.create, managers, async (req, reply) => reply.status(201).send(await rewards.create(req.body)));
    serve(app, routes.setStatus, managers, (req) => rewards.setStatus(req.params.id, req.body.status));
    serve(app, routes.redeem, staff, (req) => rewards.redeemAtTill(req.params.id, req.body));
    serve(app, routes.reverse, staff, (req) => rewards.reverse(req.params.id, req.body.reason));
  };
}
