import { join } from 'node:path';
import { createFormatters, type StoreLocale } from '@vitrina/contracts';
import type { Config } from './platform/config/schema.js';
import { openStoreDatabase } from './platform/db/open.js';
import { databaseFile } from './platform/db/database.js';
import { EventBus } from './platform/events/bus.js';
import { createScanMetrics } from './platform/metrics/index.js';
import { createRealtime } from './platform/realtime/realtime.js';
import { scannerFromConfig } from './platform/scanner/index.js';
import type { DomainEvents } from './shared/domain-events.js';
import { createEventLog, createKpis, createLiveSegments, createReports } from './domains/analytics/index.js';
import { createJobs } from './domains/jobs/index.js';
import { createAudit } from './domains/audit/index.js';
import { createAuth, createGuards, type ScryptParams } from './domains/auth/index.js';
import { createCards, phoneRegionOf } from './domains/cards/index.js';
import { createCatalog } from './domains/catalog/index.js';
import { BOARD_REFRESH_MS, createContent, mediaLookupFrom } from './domains/content/index.js';
import { createCustomers } from './domains/customers/index.js';
import { createDevices } from './domains/devices/index.js';
import { createFleet, screenshotAsker } from './domains/fleet/index.js';
import { createGiftCards } from './domains/gift-cards/index.js';
import { createLoyalty } from './domains/loyalty/index.js';
import { createMedia, preloadSvgSanitizer, usageFromPlaylists } from './domains/media/index.js';
import { createOffers } from './domains/offers/index.js';
import { createPromotions } from './domains/promotions/index.js';
import { createProofOfPlay } from './domains/proof-of-play/index.js';
import { createPurchases } from './domains/purchases/index.js';
import { createRecommender, resolveModelDir } from './domains/recommend/index.js';
import { createModelLifecycle } from './usecases/model-lifecycle/index.js';
import { createReferrals } from './domains/referrals/index.js';
import { createSurveys } from './domains/surveys/index.js';
import { createCheckout } from './usecases/checkout/index.js';
import { createRewards } from './domains/rewards/index.js';
import { DataRequestsService } from './usecases/data-requests/index.js';
import { MembersImport } from './usecases/members-import/index.js';
import { startHousekeeping, startNightlySegments } from './usecases/housekeeping/index.js';
import { createChainSync } from './usecases/chain-sync/index.js';
import type { ModelManifest } from '@vitrina/models';
import { KioskCardService, ScanService, shopperPrefetch } from './usecases/scan/index.js';
import { dataPath } from './platform/config/data-path.js';

export interface ComposeOptions {
  config: Config;
  /** HMAC secret for card numbers and phones (hex). */
  secret: string;
  log: { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void; debug(obj: unknown, msg?: string): void };
  /** Timers, folder watches and housekeeping; off in tests and for one-shot jobs (seeding). */
  background?: boolean;
  /**
   * Cost of staff password hashes. Production never sets it (OWASP's cost, DEFAULT_SCRYPT); the
   * test helper sets a cheap one so that hundreds of sign-ins do not each burn a second of a core
   * — the cost itself is tested in domains/auth/passwords.test.ts and compose.test.ts.
   */
  passwordCost?: ScryptParams;
}

/**
 * The composition root: every service of the edge server, built once, in dependency order,
 * each from the explicit dependencies it names. Nothing below looks anything up; reading this
 * function top to bottom is reading the dependency graph. Cross-domain reactions are wired at
 * the end, on the event bus. Transport (HTTP routes, socket handlers) is app.ts's business.
 */
export async function composeServices({ config, secret, log, background = config.NODE_ENV !== 'test', passwordCost }: ComposeOptions) {
  // Platform
  const db = await openStoreDatabase(config.DATA_DIR);
  const bus = new EventBus<DomainEvents>((err, event) => log.error({ err, event }, 'event listener failed'));
  const metrics = createScanMetrics();
  /** How every text a person reads writes money, counts and dates (GET /api/store/locale, offer wording). */
  const storeLocale: StoreLocale = { locale: config.STORE_LOCALE, currency: config.STORE_CURRENCY, timeZone: config.STORE_TIME_ZONE };

  // Staff and devices
  const { auth, accounts: staffAccounts } = createAuth(db, passwordCost ? { scrypt: passwordCost } : {});
  const guard = createGuards(auth);
  const audit = createAudit(db, { timeZone: config.STORE_TIME_ZONE });
  const devices = createDevices(db, bus);
  const realtime = createRealtime(devices, log);

  // Catalogue, shoppers, cards, history
  const catalog = createCatalog(db, { restrictedCategories: config.RESTRICTED_CATEGORIES });
  // Products stored before restriction was decided on write (or before a term joined the list).
  await catalog.reclassifyRestricted();
  const customers = createCustomers(db);
  await customers.backfillNameKeys(); // names written before 004_members get their search keys
  const cards = createCards(db, { customers, secret, kioskConsentTextVersion: config.KIOSK_CONSENT_TEXT_VERSION, patterns: config.CARD_PATTERNS.split(',').map((p) => p.trim()).filter(Boolean), phoneRegion: phoneRegionOf(config.STORE_LOCALE) });
  const purchases = createPurchases(db, { timeZone: config.STORE_TIME_ZONE, catalog, customers, events: bus });

  // The loyalty program and the pricing engine
  const loyalty = createLoyalty(db, { storeId: config.STORE_ID, timeZone: config.STORE_TIME_ZONE }, { customers, spendsByDay: (q, id) => purchases.spendsByDay(q, id) });
  const offers = createOffers(db, catalog, {
    kioskShowsRestricted: config.KIOSK_SHOWS_RESTRICTED, kioskCount: config.KIOSK_OFFER_COUNT, signageCount: config.SIGNAGE_OFFER_COUNT,
    discountFormat: createFormatters(storeLocale),
  });
  const { promotions, codes, campaigns } = createPromotions(db, {
    timeZone: config.STORE_TIME_ZONE, catalog, customers, offers, events: bus, birthdaySettings: (q) => loyalty.settings(q),
    shopper: { tierOf: async (q, id, day) => (await loyalty.tierAt(q, id, day)).tier?.id ?? null, pointValueMinor: async (q) => (await loyalty.settings(q)).pointValueMinor },
  });
  const giftCards = createGiftCards(db, (number) => cards.hmacOf('pattern', `gift:${number}`), { timeZone: config.STORE_TIME_ZONE });
  const rewards = createRewards(db, { loyalty, promotions, catalog, customers, cards });
  const referrals = createReferrals(db, { storeId: config.STORE_ID, loyalty, customers, purchases });

  // Recommendations, content, measurement
  const recommend = await createRecommender({
    modelDir: config.MODEL_DIR, history: purchases, background, log,
    dbFile: databaseFile(config.DATA_DIR), refreshTimeoutMs: config.AGGREGATES_REFRESH_TIMEOUT_MS,
  });
  // The store's own ranker: trained on its receipts in a child process, decided and recorded (usecases/model-lifecycle).
  const modelLifecycle = createModelLifecycle(db, recommend, {
    dbFile: config.DATA_DIR === ':memory:' ? null : databaseFile(config.DATA_DIR), artifactRoot: join(config.DATA_DIR, 'models'),
    pinnedModelDir: config.MODEL_DIR ? resolveModelDir(config.MODEL_DIR) : null, timeZone: config.STORE_TIME_ZONE,
    hour: config.TRAINING_HOUR < 0 ? null : config.TRAINING_HOUR, minCustomers: config.TRAINING_MIN_CUSTOMERS,
    epochs: config.TRAINING_EPOCHS, memoryMb: config.TRAINING_MEMORY_MB, label: config.STORE_ID, log,
  });
  await modelLifecycle.restore();
  if (background) await modelLifecycle.startBackground({ firstStart: config.TRAINING_ON_FIRST_START });
  const { content, signage } = createContent(db, {
    devices, events: bus, program: () => loyalty.settings(), format: createFormatters(storeLocale),
    offers, promotions, catalog, store: { locale: storeLocale.locale, currency: storeLocale.currency }, timeZone: config.STORE_TIME_ZONE,
  });
  const eventLog = createEventLog(db, config.STORE_ID);
  const jobs = await createJobs(db, log);
  const surveys = createSurveys(db, { storeId: config.STORE_ID, timeZone: config.STORE_TIME_ZONE, today: () => loyalty.today() });
  const kpis = createKpis(db, { settings: () => loyalty.settings(), today: () => loyalty.today() });
  const reports = createReports(db, {
    timeZone: config.STORE_TIME_ZONE,
    program: { settings: () => loyalty.settings(), today: () => loyalty.today(), pointsState: (id, day) => loyalty.stateAt(db, id, day) },
  });
  const liveSegments = createLiveSegments(db, {
    timeZone: config.STORE_TIME_ZONE, today: () => loyalty.today(),
    // Evaluating a segment rewrites its members: bulk work, behind the tills and scans.
    materialize: (name, ids) => db.bulkWork(() => promotions.replaceSegment(name, ids)),
    tierOf: async (id, day) => (await loyalty.tierAt(db, id, day)).tier.id,
    tierIds: async () => ['member', ...(await loyalty.listTiers()).map((t) => t.id)],
    rfmClasses: (today, lookbackDays) => kpis.rfmClasses(today, lookbackDays),
  });
  // The media library (issue 10). usageOf: the layouts that use a file plus the classic playlists that name it.
  const playlistUsage = usageFromPlaylists({ zoneIds: async () => (await devices.listZones()).map((z) => z.id), playlist: (zoneId) => content.playlist(zoneId) });
  const media = await createMedia(db, {
    dir: dataPath(config.DATA_DIR, 'media'), limits: { imageBytes: config.MEDIA_IMAGE_MAX_BYTES, videoBytes: config.MEDIA_VIDEO_MAX_BYTES },
    usageOf: async (mediaId) => (await signage.usageOf(mediaId)).layouts.length + (await playlistUsage(mediaId)),
  });
  // Layouts check media ids against the library; snapshots carry its URL, hash and play window.
  signage.useMediaLookup(mediaLookupFrom(media));
  if (background) preloadSvgSanitizer(); // jsdom takes seconds to load; not on the first SVG upload
  // Signage reports (issue 10): what screens played, and the fleet's status and screenshots.
  const proofOfPlay = createProofOfPlay(db, { timeZone: config.STORE_TIME_ZONE, clockSkewMs: config.PLAY_CLOCK_SKEW_MS });
  const fleet = createFleet(db, {
    devices, askScreenshot: screenshotAsker(realtime), screenshotDir: dataPath(config.DATA_DIR, 'fleet', 'screenshots'),
    screenshotMaxBytes: config.FLEET_SCREENSHOT_MAX_BYTES, screenshotTimeoutMs: config.FLEET_SCREENSHOT_TIMEOUT_MS, silentAfterMinutes: config.FLEET_SILENT_MINUTES,
  });

  // Use cases
  const receipts = createCheckout(db, {
    purchases, catalog, loyalty, promotions, codes, campaigns, referrals, cards, customers, giftCards, events: bus,
    storeId: config.STORE_ID, timeZone: config.STORE_TIME_ZONE, log,
  });
  const scan = new ScanService({
    cards, customers, loyalty, offers, campaigns, recommend, eventLog, referrals, push: proofOfPlay.recordingTakeovers(realtime, log), metrics,
    history: { hasPurchases: (id) => purchases.hasSale(db, id) },
    prefetch: shopperPrefetch(db, [customers, purchases, loyalty, offers, promotions]),
    timeZone: config.STORE_TIME_ZONE, takeoverMs: config.TAKEOVER_MS, scanRatePerKiosk: config.SCAN_RATE_PER_KIOSK, log,
  });
  const kioskCard = new KioskCardService({
    db, sessions: scan.sessions, customers, loyalty, offers, promotions, codes, referrals, discountFormat: createFormatters(storeLocale),
  });
  const dataRequests = new DataRequestsService({ db, customers, cards, offers, purchases, catalog, loyalty, events: eventLog, promotions, referrals, surveys, rewards });
  const membersImport = new MembersImport({ db, customers, cards, loyalty, storeId: config.STORE_ID });
  const scanner = scannerFromConfig(config, (await devices.list()).filter((d) => d.kind === 'kiosk').map((d) => d.id), log);

  // Cross-domain reactions
  bus.on('purchases:changed', () => recommend.receiptsChanged());
  bus.on('offers:changed', () => offers.invalidate());
  bus.on('devices:revoked', ({ deviceId }) => realtime.disconnectDevice(deviceId));
  bus.on('devices:paired', ({ deviceId, kind }) => {
    if (kind === 'kiosk') void scanner.kioskPaired(deviceId);
  });
  bus.on('content:playlist-published', ({ zoneId, playlist }) => realtime.playlistChanged(zoneId, playlist));
  // The classic playlist is the default layout of a zone without one: its snapshot changes too.
  bus.on('content:playlist-published', ({ zoneId }) => void signage.publishZones([zoneId]).catch((err: unknown) => log.error({ err, zoneId }, 'signage snapshot failed')));
  bus.on('content:snapshot-published', ({ zoneId, snapshot }) => realtime.snapshotChanged(zoneId, snapshot));
  bus.on('content:boards-changed', ({ zoneId, boards }) => realtime.boardsChanged(zoneId, boards));
  bus.on('offers:changed', () => void signage.refreshBoards().catch((err: unknown) => log.error({ err }, 'signage boards refresh failed')));
  // The catalogue announces no price changes: boards are recomputed on a timer and pushed only when they differ.
  const boardTimer = background ? setInterval(() => void signage.refreshBoards().catch((err: unknown) => log.error({ err }, 'signage boards refresh failed')), BOARD_REFRESH_MS) : null;
  boardTimer?.unref();
  const stopHousekeeping = background ? startHousekeeping({ loyalty, campaigns, log }) : () => undefined;
  // The chain (deploy/chain/README.md): only when a leaf nats-server is configured. The outbox
  // triggers are on before the server takes a write; the loops never block one.
  const chainSync = config.CHAIN_NATS_URL
    ? createChainSync(db, {
      campaigns, promotions, catalog, content, media, signage, events: eventLog,
      // A chain model is served only when the store's own gate says it beats what the store serves.
      models: { gate: (files) => modelLifecycle.gateChainModel({ ...files, manifest: files.manifest as ModelManifest }) },
    }, {
      url: config.CHAIN_NATS_URL, user: config.CHAIN_NATS_USER || undefined, password: config.CHAIN_NATS_PASSWORD || undefined,
      nkeySeedFile: config.CHAIN_NATS_NKEY_SEED_FILE || undefined,
      storeId: config.STORE_ID, region: config.CHAIN_REGION || null, log,
    })
    : null;
  if (chainSync) {
    await chainSync.enable();
    chainSync.start();
  }
  const stopNightlySegments = background ? startNightlySegments({ segments: liveSegments, log }) : () => undefined;

  let closed = false;
  return {
    config, storeLocale, log, db, bus, metrics, realtime, scanner,
    auth, staffAccounts, guard, audit, devices, catalog, customers, cards, purchases, loyalty, offers, promotions, codes, campaigns, giftCards, referrals, surveys, rewards,
    recommend, modelLifecycle, content, signage, media, eventLog, jobs, kpis, reports, liveSegments, proofOfPlay, fleet, receipts, scan, kioskCard, dataRequests, membersImport, chainSync,
    /** Stops timers and devices, then closes sockets, the model and the database. Safe to call twice. */
    async close() {
      if (closed) return;
      closed = true;
      stopHousekeeping();
      await chainSync?.stop();
      if (boardTimer) clearInterval(boardTimer);
      fleet.close();
      stopNightlySegments();
      await scanner.scanner.stop();
      await jobs.close(); // a running import stops after its current batch; what it committed stays
      await modelLifecycle.stop();
      await realtime.close();
      await recommend.close();
      await eventLog.flush(); // batched events are written before the database closes
      await db.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof composeServices>>;
