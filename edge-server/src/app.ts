import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './platform/config/schema.js';
import { installErrorHandler } from './platform/errors/handler.js';
import { installValidators } from './platform/http/validators.js';
import docsPlugin from './platform/http/docs.js';
import staticAppsPlugin from './platform/http/static-apps.js';
import dbPlugin, { databaseFile } from './db/plugin.js';
import authPlugin from './domains/auth/index.js';
import devicesPlugin from './domains/devices/index.js';
import customersPlugin from './domains/customers/index.js';
import cardsPlugin from './domains/cards/index.js';
import purchasesPlugin from './domains/purchases/index.js';
import loyaltyPlugin from './domains/loyalty/index.js';
import recommendPlugin from './domains/recommend/index.js';
import offersPlugin from './domains/offers/index.js';
import analyticsPlugin from './domains/analytics/index.js';
import offersEnginePlugin from './domains/offers/engine-plugin.js';
import receiptsPlugin from './usecases/checkout/receipts-plugin.js';
import kpisPlugin from './domains/analytics/kpis-plugin.js';
import contentPlugin from './domains/content/index.js';
import scannerPlugin from './platform/scanner/plugin.js';
import realtimePlugin from './platform/realtime/index.js';
import sessionsPlugin from './usecases/scan/index.js';
import healthPlugin from './usecases/health/index.js';
import metricsPlugin from './platform/metrics/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildOptions {
  config: Config;
  /** HMAC secret for card numbers and phones (hex). */
  secret: string;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the edge server as a Fastify app. It never listens: server.ts does, and tests use
 * `app.inject` or `app.listen({ port: 0 })`.
 */
export async function buildApp({ config, secret, logger = false }: BuildOptions) {
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  installValidators(app);
  installErrorHandler(app);
  await app.register(docsPlugin);

  await app.register(metricsPlugin);
  await app.register(dbPlugin, { file: databaseFile(config.DATA_DIR) });
  await app.register(authPlugin);
  await app.register(devicesPlugin);
  await app.register(customersPlugin);
  await app.register(cardsPlugin, { secret });
  await app.register(purchasesPlugin);
  await app.register(loyaltyPlugin);
  await app.register(recommendPlugin);
  await app.register(offersPlugin);
  await app.register(analyticsPlugin);
  await app.register(offersEnginePlugin);
  await app.register(receiptsPlugin);
  await app.register(kpisPlugin);
  await app.register(realtimePlugin);
  await app.register(contentPlugin);
  await app.register(scannerPlugin);
  await app.register(sessionsPlugin);
  await app.register(healthPlugin);
  await app.register(staticAppsPlugin);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
