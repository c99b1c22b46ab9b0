import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, Playlist, PlaylistItem } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { ContentService } from './service.js';

const ZoneParams = Type.Object({ zoneId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

export function contentRoutes({ content, guard }: { content: ContentService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/zones/:zoneId/playlist', {
      schema: { tags: ['content'], params: ZoneParams, response: { 200: Playlist } },
      preHandler: guard.requireRole('admin', 'marketer', 'staff'),
    }, (req) => content.playlist(req.params.zoneId));

    app.put('/zones/:zoneId/playlist', {
      schema: {
        tags: ['content'], params: ZoneParams,
        body: Type.Object({ items: Type.Array(PlaylistItem, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
        response: { 200: Playlist, 400: ErrorResponse, 404: ErrorResponse },
      },
      preHandler: guard.requireRole('admin', 'marketer'),
    }, (req) => content.publish(req.params.zoneId, req.body.items));
  };
}
