/** GET /api/health: database, model, scanner and device presence in one answer. */
export { healthRoutes, type HealthDeps } from './routes.js';
