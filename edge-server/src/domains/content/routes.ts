import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, Playlist, PlaylistItem } from '@vitrina/contracts';
import { Type } from 'typebox';

const ZoneParams = Type.Object({ zoneId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

export const contentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/zones/:zoneId/playlist', {
    schema: { tags: ['content'], params: ZoneParams, response: { 200: Playlist } },
    preHandler: app.requireRole('admin', 'marketer', 'staff'),
  }, (req) => app.content.playlist(req.params.zoneId));

  app.put('/zones/:zoneId/playlist', {
    schema: {
      tags: ['content'], params: ZoneParams,
      body: Type.Object({ items: Type.Array(PlaylistItem, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
      response: { 200: Playlist, 400: ErrorResponse, 404: ErrorResponse },
    },
    preHandler: app.requireRole('admin', 'marketer'),
  }, (req) => app.content.publish(req.params.zoneId, req.body.items));
};
