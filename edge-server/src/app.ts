import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { composeServices, type ComposeOptions, type Services } from './compose.js';
import type { Config } from './platform/config/schema.js';
import { installErrorHandler } from './platform/errors/handler.js';
import { fastifyOptions } from './platform/http/fastify-options.js';
import { installValidators } from './platform/http/validators.js';
import { installAuditHook } from './platform/http/serve-route.js';
import rateLimit from '@fastify/rate-limit';
import docsPlugin from './platform/http/docs.js';
import { VitrinaError } from './platform/errors/vitrina-error.js';
import securityHeadersPlugin from './platform/http/security-headers.js';
import staticAppsPlugin from './platform/http/static-apps.js';
import { metricsRoutes } from './platform/metrics/index.js';
import { simulatedScannerRoutes } from './platform/scanner/index.js';
import { kpisRoutes, reportsRoutes } from './domains/analytics/index.js';
import { auditRoutes } from './domains/audit/index.js';
import { authRoutes, staffRoutes } from './domains/auth/index.js';
import { contentRoutes, contentSocketHandlers, signageRoutes } from './domains/content/index.js';
import { devicesRoutes } from './domains/devices/index.js';
import { fleetRoutes, fleetSocketHandlers } from './domains/fleet/index.js';
import { proofOfPlayRoutes, proofOfPlaySocketHandlers } from './domains/proof-of-play/index.js';
import { catalogRoutes } from './domains/catalog/index.js';
import { giftCardRoutes } from './domains/gift-cards/index.js';
import { jobRoutes } from './domains/jobs/index.js';
import { loyaltyRoutes } from './domains/loyalty/index.js';
import { mediaFileRoutes, mediaRoutes } from './domains/media/index.js';
import { campaignsRoutes, promotionsRoutes } from './domains/promotions/index.js';
import { importRoutes } from './domains/purchases/index.js';
import { referralRoutes } from './domains/referrals/index.js';
import { surveyRoutes, surveySocketHandlers } from './domains/surveys/index.js';
import { receiptsRoutes } from './usecases/checkout/index.js';
import { customersRoutes } from './usecases/data-requests/index.js';
import { healthRoutes, storeLocaleRoutes } from './usecases/health/index.js';
import { membersImportRoutes } from './usecases/members-import/index.js';
import { recommendationRoutes } from './usecases/model-lifecycle/index.js';
import { connectScannerToScan, kioskCardSocketHandlers, kioskRewardsSocketHandlers, kioskSocketHandlers } from './usecases/scan/index.js';
import { rewardsRoutes } from './domains/rewards/index.js';
import { dataPath } from './platform/config/data-path.js';
import { clearSpoolDir } from './platform/http/spool-upload.js';

/** A catalogue upload over HTTP (CommerceML, product CSV); larger files go through `npm run import -- catalog`. */
const CATALOG_UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

export interface BuildOptions {
  config: Config;
  /** HMAC secret for card numbers and phones (hex). */
  secret: string;
  logger?: FastifyServerOptions['logger'];
  /** Tests only: a cheap staff password hash (see ComposeOptions.passwordCost). */
  passwordCost?: ComposeOptions['passwordCost'];
}

/**
 * Builds the edge server: the services from the composition root, and over them the thin
 * transport adapters — REST routes, socket handlers, the scanner — registered here and only
 * here. It never listens: server.ts does, and tests use `app.inject` or `app.listen({ port: 0 })`.
 */
export async function buildApp({ config, secret, logger = false, passwordCost }: BuildOptions) {
  const app = Fastify({ logger, ...fastifyOptions(config.BODY_LIMIT_BYTES) }).withTypeProvider<TypeBoxTypeProvider>();
  const services = await composeServices({ config, secret, log: app.log, passwordCost });
  app.addHook('onClose', () => services.close());
  // Devices are disconnected before the HTTP server stops taking connections, so that a
  // restart never leaves a screen attached to the dying process.
  app.addHook('preClose', () => services.realtime.close());

  installValidators(app);
  installErrorHandler(app);
  // Off by default; routes opt in (sign-in) with `config.rateLimit`. A refusal is our 429.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new VitrinaError('VITRINA_ERR_RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s.`),
  });
  await app.register(securityHeadersPlugin);
  await app.register(docsPlugin);
  // Every staff write through a contract route lands in the audit log (domains/audit).
  installAuditHook(app, { sink: services.audit, actor: (req) => req.staff });
  registerTransport(app, services);
  await app.register(staticAppsPlugin);

  services.realtime.attach(app.server);
  app.addHook('onReady', () => services.scanner.scanner.start());
  return { app, services };
}

type FastifyApp = ReturnType<typeof Fastify>;

/** Every HTTP route and socket handler, each handed exactly the services it calls. */
function registerTransport(app: FastifyApp, s: Services) {
  const { guard } = s;
  const log = app.log;
  const api = { prefix: '/api/v1' };
  // Console imports store their upload here while a background job reads it.
  const spoolDir = dataPath(s.config.DATA_DIR, 'imports');
  if (s.config.DATA_DIR !== ':memory:') clearSpoolDir(spoolDir); // what a stopped server's jobs left
  void app.register(metricsRoutes(s.metrics));
  void app.register(healthRoutes({ db: s.db, customers: s.customers, devices: s.devices, recommend: s.recommend, scanner: s.scanner.scanner }));
  void app.register(storeLocaleRoutes(s.storeLocale));
  void app.register(authRoutes({ auth: s.auth, guard }), api);
  void app.register(staffRoutes({ accounts: s.staffAccounts, guard }), api);
  void app.register(auditRoutes({ audit: s.audit, admin: guard.requireRole('admin') }), api);
  void app.register(devicesRoutes({ devices: s.devices, guard }), api);
  void app.register(customersRoutes({ dataRequests: s.dataRequests, guard }), api);
  void app.register(membersImportRoutes({ membersImport: s.membersImport, jobs: s.jobs, guard, spoolDir }), api);
  void app.register(recommendationRoutes({ modelLifecycle: s.modelLifecycle, guard }), api);
  void app.register(loyaltyRoutes({ loyalty: s.loyalty, guard }), api);
  void app.register(promotionsRoutes({ promotions: s.promotions, codes: s.codes, guard }), api);
  void app.register(campaignsRoutes({ campaigns: s.campaigns, guard }), api);
  void app.register(giftCardRoutes({ giftCards: s.giftCards, guard }), api);
  void app.register(referralRoutes({ referrals: s.referrals, guard }), api);
  void app.register(surveyRoutes({ surveys: s.surveys, guard }), api);
  void app.register(receiptsRoutes({ receipts: s.receipts, guard }), api);
  void app.register(rewardsRoutes({ rewards: s.rewards, guard }), api);
  void app.register(importRoutes({ purchases: s.purchases, jobs: s.jobs, guard, storeId: s.config.STORE_ID, timeZone: s.config.STORE_TIME_ZONE, spoolDir }), api);
  void app.register(jobRoutes({ jobs: s.jobs, admin: guard.requireRole('admin') }), api);
  void app.register(catalogRoutes({ catalog: s.catalog, guard, maxUploadBytes: CATALOG_UPLOAD_MAX_BYTES, jobs: s.jobs, spoolDir }), api);
  void app.register(kpisRoutes({ kpis: s.kpis, guard }), api);
  void app.register(reportsRoutes({ reports: s.reports, segments: s.liveSegments, guard }), api);
  void app.register(contentRoutes({ content: s.content, guard }), api);
  void app.register(signageRoutes({ signage: s.signage, guard }), api);
  void app.register(mediaRoutes({ media: s.media, guard }), api);
  void app.register(mediaFileRoutes({ media: s.media }));
  void app.register(proofOfPlayRoutes({ proofOfPlay: s.proofOfPlay, guard }), api);
  void app.register(fleetRoutes({ fleet: s.fleet, guard }), api);
  const { simulator, bindings } = s.scanner;
  if (simulator) void app.register(simulatedScannerRoutes({ simulator, bindings, auth: s.auth, devices: s.devices }));

  kioskSocketHandlers(s.realtime.kiosk, s.scan, log);
  kioskCardSocketHandlers(s.realtime.kiosk, s.kioskCard, log);
  surveySocketHandlers(s.realtime.kiosk, s.surveys, s.scan.sessions, log);
  kioskRewardsSocketHandlers(s.realtime.kiosk, { sessions: s.scan.sessions, rewards: s.rewards }, log);
  contentSocketHandlers(s.realtime.signage, s.content, s.signage, log);
  proofOfPlaySocketHandlers(s.realtime.signage, s.proofOfPlay, log);
  fleetSocketHandlers(s.realtime, s.fleet, log);
  connectScannerToScan(s.scanner.scanner, { devices: s.devices, scan: s.scan, push: s.realtime, log });
}

export type App = Awaited<ReturnType<typeof buildApp>>['app'];
