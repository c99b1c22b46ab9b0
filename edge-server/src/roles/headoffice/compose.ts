import { join } from 'node:path';
import type { StoreLocale } from '@vitrina/contracts';
import { createAudit } from '../../domains/audit/index.js';
import { createAuth, createGuards, type ScryptParams } from '../../domains/auth/index.js';
import { createMedia } from '../../domains/media/index.js';
import type { Config } from '../../platform/config/schema.js';
import { ChainAnalyticsRepository } from './analytics/analytics-repository.js';
import { ChainAnalyticsService } from './analytics/service.js';
import { openHeadOfficeDatabase } from './database.js';
import { connectHub, ensureChainTopology, type Hub } from './hub/hub.js';
import { IngestConsumer } from './ingest/ingest-consumer.js';
import { IngestRepository } from './ingest/ingest-repository.js';
import { ChainModel } from './model/chain-model.js';
import { GateOutcomesRepository } from './model/gate-outcomes-repository.js';
import { PublicationsRepository } from './publish/publications-repository.js';
import { PublishService } from './publish/service.js';
import { CatalogFiles } from './publish/catalog-files.js';
import { SignagePublisher } from './publish/signage-publisher.js';
import { StoresService } from './stores/service.js';
import { StoresRepository } from './stores/stores-repository.js';

export interface HeadOfficeComposeOptions {
  config: Config;
  log: { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void; debug(obj: unknown, msg?: string): void };
  /** Tests only: a cheap staff password hash. */
  passwordCost?: ScryptParams;
}

/**
 * Head office's composition root (ROLE=headoffice): its own database, the auth and audit
 * domains reused as they are, and the chain services. With HQ_NATS_URL set it connects to the
 * hub, brings the streams in line with the registered stores and starts the ingest; without,
 * head office still serves its console and analytics over what it has (publishing answers 503).
 */
export async function composeHeadOffice({ config, log, passwordCost }: HeadOfficeComposeOptions) {
  const db = await openHeadOfficeDatabase(config.DATA_DIR);
  const { auth, accounts: staffAccounts } = createAuth(db, passwordCost ? { scrypt: passwordCost } : {});
  const guard = createGuards(auth);
  const audit = createAudit(db, { timeZone: config.STORE_TIME_ZONE });
  const storeLocale: StoreLocale = { locale: config.STORE_LOCALE, currency: config.STORE_CURRENCY, timeZone: config.STORE_TIME_ZONE };

  let hub: Hub | null = null;
  if (config.HQ_NATS_URL) {
    hub = await connectHub({ servers: config.HQ_NATS_URL, user: config.HQ_NATS_USER || undefined, pass: config.HQ_NATS_PASSWORD || undefined });
  }
  const storesRepo = new StoresRepository(db);
  const topology = async (stores: readonly { id: string; region: string }[]) => {
    if (hub) await ensureChainTopology(hub, stores, { direct: config.HQ_NATS_DIRECT });
  };
  const stores = new StoresService(storesRepo, () => hub?.jsm ?? null, topology);
  const publicationsRepo = new PublicationsRepository(db);
  const publish = new PublishService(publicationsRepo, storesRepo, () => hub);
  // Head office's media library (migration 004): the media domain as the store has it; nothing plays here, so no usage.
  const media = await createMedia(db, {
    dir: join(config.DATA_DIR, 'media'), limits: { imageBytes: config.MEDIA_IMAGE_MAX_BYTES, videoBytes: config.MEDIA_VIDEO_MAX_BYTES }, usageOf: async () => 0,
  });
  const signagePublisher = new SignagePublisher(publish, media);
  const catalogFiles = new CatalogFiles();
  const gateOutcomes = new GateOutcomesRepository(db);
  const ingestRepo = new IngestRepository(db);
  const analyticsRepo = new ChainAnalyticsRepository(db);
  const analytics = new ChainAnalyticsService(analyticsRepo, storesRepo, publicationsRepo);
  const chainModel = new ChainModel(analyticsRepo, publish, {
    artifactRoot: join(config.DATA_DIR, 'chain-models'), minCustomers: config.TRAINING_MIN_CUSTOMERS, epochs: config.TRAINING_EPOCHS, log,
  });

  let ingest: IngestConsumer | null = null;
  if (hub) {
    await topology(await storesRepo.list());
    ingest = new IngestConsumer(hub.js, ingestRepo, log);
    await ingest.start();
  }

  let closed = false;
  return {
    config, log, db, storeLocale, auth, staffAccounts, guard, audit, hub, stores, publish, media, signagePublisher, catalogFiles, gateOutcomes, ingestRepo, ingest, analytics, chainModel,
    async close() {
      if (closed) return;
      closed = true;
      await ingest?.stop();
      await hub?.close();
      await db.close();
    },
  };
}

export type HeadOfficeServices = Awaited<ReturnType<typeof composeHeadOffice>>;
