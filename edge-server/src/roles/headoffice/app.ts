import Fastify, { type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditRoutes } from '../../domains/audit/index.js';
import { authRoutes, staffRoutes } from '../../domains/auth/index.js';
import { mediaFileRoutes, mediaRoutes } from '../../domains/media/index.js';
import type { Config } from '../../platform/config/schema.js';
import { installErrorHandler } from '../../platform/errors/handler.js';
import { fastifyOptions } from '../../platform/http/fastify-options.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import docsPlugin from '../../platform/http/docs.js';
import securityHeadersPlugin from '../../platform/http/security-headers.js';
import { installAuditHook } from '../../platform/http/serve-route.js';
import staticAppsPlugin from '../../platform/http/static-apps.js';
import { installValidators } from '../../platform/http/validators.js';
import { storeLocaleRoutes } from '../../usecases/health/index.js';
import { composeHeadOffice, type HeadOfficeComposeOptions } from './compose.js';
import { headOfficeRoutes } from './routes.js';
import { headOfficeContentRoutes } from './publish/routes.js';

/** Media come inline in a content publication (base64): the body limit is the largest playlist's media. */
const HQ_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface BuildHeadOfficeOptions {
  config: Config;
  logger?: FastifyServerOptions['logger'];
  passwordCost?: HeadOfficeComposeOptions['passwordCost'];
}

/**
 * Head office's Fastify app: the same platform (validators, errors, security headers, docs,
 * audit hook, static console) with only head office's routes and the staff routes of the auth
 * domain. Never listens (server.ts does).
 */
export async function buildHeadOfficeApp({ config, logger = false, passwordCost }: BuildHeadOfficeOptions) {
  const app = Fastify({ logger, ...fastifyOptions(Math.max(config.BODY_LIMIT_BYTES, HQ_BODY_LIMIT_BYTES)) }).withTypeProvider<TypeBoxTypeProvider>();
  const services = await composeHeadOffice({ config, log: app.log, passwordCost });
  app.addHook('onClose', () => services.close());
  installValidators(app);
  installErrorHandler(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s.`),
  });
  await app.register(securityHeadersPlugin);
  await app.register(docsPlugin);
  installAuditHook(app, { sink: services.audit, actor: (req) => req.staff });
  const api = { prefix: '/api/v1' };
  const { guard } = services;
  void app.register(storeLocaleRoutes(services.storeLocale));
  void app.register(authRoutes({ auth: services.auth, guard }), api);
  void app.register(staffRoutes({ accounts: services.staffAccounts, guard }), api);
  void app.register(auditRoutes({ audit: services.audit, admin: guard.requireRole('admin') }), api);
  void app.register(headOfficeRoutes({ stores: services.stores, publish: services.publish, analytics: services.analytics, ingest: services.ingestRepo, chainModel: services.chainModel, guard }), api);
  // Content for store groups: head office's own media library (the store's routes) and what publishes it.
  void app.register(mediaRoutes({ media: services.media, guard }), api);
  void app.register(mediaFileRoutes({ media: services.media }));
  void app.register(headOfficeContentRoutes({ signage: services.signagePublisher, catalogFiles: services.catalogFiles, gates: services.gateOutcomes, guard }), api);
  await app.register(staticAppsPlugin);
  return { app, services };
}

export type HeadOfficeApp = Awaited<ReturnType<typeof buildHeadOfficeApp>>['app'];
