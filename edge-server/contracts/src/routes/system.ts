import { Health } from '../health.js';
import { Metrics } from '../metrics.js';
import { StoreLocaleSchema } from '../locale/schema.js';
import { STORE_LOCALE_PATH } from '../locale/store-locale.js';
import { defineRoute } from './define-route.js';

/** Unauthenticated technician endpoints, outside /api/v1. */
export const systemRoutes = {
  /** What a technician checks first: 200 while the database answers. */
  health: defineRoute({ method: 'GET', path: '/api/health', tags: ['health'], response: { 200: Health } }),
  metrics: defineRoute({ method: 'GET', path: '/api/metrics', tags: ['health'], response: { 200: Metrics } }),
  /**
   * The store's locale, currency and time zone (STORE_LOCALE, STORE_CURRENCY, STORE_TIME_ZONE):
   * public, so the kiosk and signage learn their language before anyone signs in and the console
   * its default before sign-in. The devices keep the last answer for offline boots.
   */
  storeLocale: defineRoute({ method: 'GET', path: STORE_LOCALE_PATH, tags: ['health'], response: { 200: StoreLocaleSchema } }),
};
