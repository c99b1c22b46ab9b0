import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import { serve } from '../../platform/http/serve-route.js';
import type { ModelLifecycle } from './service.js';

/** The console's Recommendations page: what serves and the decisions (admins and marketers), training on demand (admins). */
export function recommendationRoutes({ modelLifecycle, guard }: { modelLifecycle: ModelLifecycle; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.recommendations.state, { preHandler: guard.requireRole('admin', 'marketer') }, () => modelLifecycle.state());
    serve(app, ROUTES.recommendations.train, { preHandler: guard.requireRole('admin') }, async (_req, reply) => reply.status(202).send(modelLifecycle.trainNow('manual')));
  };
}
