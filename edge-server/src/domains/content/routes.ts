import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { ContentService } from './service.js';

export function contentRoutes({ content, guard }: { content: ContentService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.content.playlist, { preHandler: guard.requireRole('admin', 'marketer', 'staff') }, (req) => content.playlist(req.params.zoneId));
    serve(app, ROUTES.content.publishPlaylist, { preHandler: guard.requireRole('admin', 'marketer') }, (req) => content.publish(req.params.zoneId, req.body.items));
  };
}
