import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../../platform/http/serve-route.js';
import type { Guards } from '../../auth/index.js';
import type { CampaignsService } from './service.js';

export function campaignsRoutes({ campaigns, guard }: { campaigns: CampaignsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    const routes = ROUTES.campaigns;

    serve(app, routes.list, staff, () => campaigns.list());
    serve(app, routes.create, managers, async (req, reply) => reply.status(201).send(await campaigns.create(req.body)));
    serve(app, routes.get, staff, (req) => campaigns.get(req.params.id));
    serve(app, routes.setStatus, managers, (req) => campaigns.setStatus(req.params.id, req.body.status));
    serve(app, routes.addOffer, managers, async (req, reply) => reply.status(201).send(await campaigns.addOffer(req.params.id, req.body)));
    serve(app, routes.assign, managers, (req) => campaigns.assignAll(req.params.id, req.body.customerIds));
    serve(app, routes.lifecycle, staff, (req) => campaigns.lifecycle(req.params.id));
    serve(app, routes.expireOffers, managers, (req) => campaigns.expireOffers(req.body.today, req.body));
  };
}
