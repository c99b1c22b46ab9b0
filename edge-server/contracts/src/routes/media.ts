import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { DeleteMediaQuery, DeleteMediaResult, MediaItem, MediaList, MediaListQuery, UpdateMediaRequest } from '../media.js';
import { defineRoute } from './define-route.js';

const tags = ['media'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const MediaParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) });

/** The media library: upload (multipart, one file per request), list, edit, delete. Files are served at `/media/lib/…`. */
export const mediaRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/media', tags, security, querystring: MediaListQuery, response: { 200: MediaList, ...errors } }),
  /** multipart/form-data with one `file` part; type checked by content, size limits per kind from config. */
  upload: defineRoute({
    method: 'POST', path: '/api/v1/media', tags, security, contentType: 'multipart/form-data',
    response: { 201: MediaItem, 200: MediaItem, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
  get: defineRoute({ method: 'GET', path: '/api/v1/media/:id', tags, security, params: MediaParams, response: { 200: MediaItem, ...errors, 404: ErrorResponse } }),
  update: defineRoute({
    method: 'PATCH', path: '/api/v1/media/:id', tags, security, params: MediaParams, body: UpdateMediaRequest,
    response: { 200: MediaItem, ...errors, 404: ErrorResponse },
  }),
  remove: defineRoute({
    method: 'DELETE', path: '/api/v1/media/:id', tags, security, params: MediaParams, querystring: DeleteMediaQuery,
    response: { 200: DeleteMediaResult, ...errors, 404: ErrorResponse, 409: ErrorResponse },
  }),
};
