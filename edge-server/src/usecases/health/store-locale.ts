import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type StoreLocale } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';

/**
 * GET /api/store/locale (ROUTES.system.storeLocale): the store's locale, currency and time zone
 * from config, unauthenticated — a kiosk on its attract screen and a console before sign-in need them.
 */
export function storeLocaleRoutes(storeLocale: StoreLocale): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.system.storeLocale, {}, async () => storeLocale);
  };
}
