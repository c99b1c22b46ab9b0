import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { DevicesService } from './service.js';

export function devicesRoutes({ devices, guard }: { devices: DevicesService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const admin = guard.requireRole('admin');
    serve(app, ROUTES.devices.zones, { preHandler: staff }, () => devices.listZones());
    serve(app, ROUTES.devices.createZone, { preHandler: admin }, async (req, reply) => reply.status(201).send(await devices.createZone(req.body.name)));
    serve(app, ROUTES.devices.list, { preHandler: staff }, () => devices.list());
    serve(app, ROUTES.devices.pair, { preHandler: admin }, async (req, reply) => reply.status(201).send(await devices.pair(req.body)));
    serve(app, ROUTES.devices.revoke, { preHandler: admin }, (req) => devices.revoke(req.params.id));
  };
}
