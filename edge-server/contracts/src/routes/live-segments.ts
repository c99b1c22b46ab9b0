import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { LiveSegmentInput, LiveSegmentView, SegmentEvaluation, SegmentPreview, SegmentRule, SegmentSizeHistory } from '../live-segments.js';
import { LocalDate } from '../common.js';
import { defineRoute } from './define-route.js';

const tags = ['segments'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const Name = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }) });

/** Live (rule-based) segments: define, preview, evaluate, size history. Admin and marketer. */
export const liveSegmentRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/live-segments', tags, security, response: { 200: Type.Array(LiveSegmentView), ...errors } }),
  save: defineRoute({
    method: 'PUT', path: '/api/v1/live-segments/:name', tags, security, params: Name, body: Type.Omit(LiveSegmentInput, ['name']),
    description: 'Creates or replaces a live segment. Its members (after an evaluation) form the promotions segment of the same name.',
    response: { 200: LiveSegmentView, 422: ErrorResponse, ...errors },
  }),
  remove: defineRoute({
    method: 'DELETE', path: '/api/v1/live-segments/:name', tags, security, params: Name,
    response: { 200: Type.Object({ removed: Type.String() }), 404: ErrorResponse, ...errors },
  }),
  preview: defineRoute({
    method: 'POST', path: '/api/v1/live-segments/preview', tags, security, body: Type.Object({ rules: Type.Array(SegmentRule, { minItems: 1, maxItems: 12 }) }),
    description: 'How many members the rules select today, and a few ids; writes nothing.',
    response: { 200: SegmentPreview, 422: ErrorResponse, ...errors },
  }),
  evaluate: defineRoute({
    method: 'POST', path: '/api/v1/live-segments/:name/evaluate', tags, security, params: Name,
    response: { 200: SegmentEvaluation, 404: ErrorResponse, ...errors },
  }),
  sizes: defineRoute({
    method: 'GET', path: '/api/v1/live-segments/sizes', tags, security, querystring: Type.Object({ from: LocalDate, to: LocalDate }),
    response: { 200: SegmentSizeHistory, ...errors },
  }),
};
