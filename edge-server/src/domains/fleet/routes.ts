import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { FleetService } from './service.js';

/** The fleet page: every staff role may look; a remote screenshot is for admins and marketers. */
export function fleetRoutes({ fleet, guard }: { fleet: FleetService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    serve(app, ROUTES.fleet.list, read, () => fleet.view());
    serve(app, ROUTES.fleet.requestScreenshot, { preHandler: guard.requireRole('admin', 'marketer') }, (req) => fleet.requestScreenshot(req.params.id));
    serve(app, ROUTES.fleet.screenshot, read, (req) => fleet.screenshot(req.params.id));
  };
}
