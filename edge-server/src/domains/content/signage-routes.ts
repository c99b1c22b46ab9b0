import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { SignageService } from './signage-service.js';

/** Layouts, schedules, the emergency override and snapshots: read by staff, written by admins and marketers. */
export function signageRoutes({ signage, guard }: { signage: SignageService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const write = { preHandler: guard.requireRole('admin', 'marketer') };
    const r = ROUTES.signage;
    serve(app, r.templates, read, () => signage.templates());
    serve(app, r.layouts, read, () => signage.layouts());
    serve(app, r.layout, read, (req) => signage.layout(req.params.layoutId));
    serve(app, r.createLayout, write, async (req, reply) => reply.status(201).send(await signage.createLayout(req.body)));
    serve(app, r.updateLayout, write, (req) => signage.updateLayout(req.params.layoutId, req.body));
    serve(app, r.deleteLayout, write, (req) => signage.deleteLayout(req.params.layoutId));
    serve(app, r.schedule, read, (req) => signage.schedule(req.params.zoneId));
    serve(app, r.publishSchedule, write, (req) => signage.publishSchedule(req.params.zoneId, req.body));
    serve(app, r.snapshot, read, (req) => signage.snapshot(req.params.zoneId));
    serve(app, r.emergencies, read, () => signage.emergencies());
    serve(app, r.startEmergency, write, async (req, reply) => reply.status(201).send(await signage.startEmergency(req.body)));
    serve(app, r.endEmergency, write, (req) => signage.endEmergency(req.params.emergencyId));
  };
}
