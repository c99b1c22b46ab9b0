/** GET /api/health: database, model, scanner and device presence in one answer. GET /api/store/locale: the store's locale. */
export { healthRoutes, type HealthDeps } from './routes.js';
export { storeLocaleRoutes } from './store-locale.js';
