import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { Playlist, PublishPlaylistRequest } from '../signage.js';
import { defineRoute } from './define-route.js';

const tags = ['content'];
const ZoneParams = Type.Object({ zoneId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** Signage loops, one per zone. */
export const contentRoutes = {
  playlist: defineRoute({ method: 'GET', path: '/api/v1/zones/:zoneId/playlist', tags, params: ZoneParams, response: { 200: Playlist } }),
  publishPlaylist: defineRoute({
    method: 'PUT', path: '/api/v1/zones/:zoneId/playlist', tags, params: ZoneParams, body: PublishPlaylistRequest,
    response: { 200: Playlist, 400: ErrorResponse, 404: ErrorResponse },
  }),
};
