import { Health } from '../health.js';
import { Metrics } from '../metrics.js';
import { defineRoute } from './define-route.js';

/** Unauthenticated technician endpoints, outside /api/v1. */
export const systemRoutes = {
  /** What a technician checks first: 200 while the database answers. */
  health: defineRoute({ method: 'GET', path: '/api/health', tags: ['health'], response: { 200: Health } }),
  metrics: defineRoute({ method: 'GET', path: '/api/metrics', tags: ['health'], response: { 200: Metrics } }),
};
