/**
 * The chain's JetStream streams, created idempotently (add, or update when the config differs).
 * Names come from the contracts (`@vitrina/contracts` chain/subjects.ts); the shape of the
 * topology is explained in deploy/chain/README.md.
 */
import { DEDUPE_WINDOW_MS, HUB_DOMAIN, STREAMS, downDeliverPrefix, downPrefix, downStreamName, downTargetsFor, storeDomain, upDeliverPrefix, upStoreFilter, type DownTarget } from '@vitrina/contracts';
import { jetstreamManager, type JetStreamManager, type StreamConfig, type StreamSource } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';

/** Store-side buffers are bounded by age, not by delivery: a week offline still fits. */
const STORE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * The hub's VITRINA_UP keeps messages as long as a store's outbox does, then drops them: head
 * office has ingested them by then, and an erased shopper's ids (in the receipts that came up
 * before the erasure, and in the erasure message itself) leave the hub's files within this age.
 */
export const HUB_UP_MAX_AGE_MS = STORE_MAX_AGE_MS;

async function upsertStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (err) {
    if (!String((err as Error).message).includes('not found')) throw err;
    await jsm.streams.add(config);
  }
}

/**
 * The store's two streams in its own leaf domain: VITRINA_OUTBOX captures what the store sends
 * up; VITRINA_INBOX sources the hub's down streams meant for this store (all, its region, itself).
 */
export async function ensureStoreStreams(nc: NatsConnection, storeId: string, region: string | null): Promise<void> {
  const jsm = await jetstreamManager(nc, { domain: storeDomain(storeId) });
  await upsertStream(jsm, {
    name: STREAMS.storeOutbox,
    subjects: [upStoreFilter(storeId)],
    duplicate_window: nanos(DEDUPE_WINDOW_MS),
    max_age: nanos(STORE_MAX_AGE_MS),
  });
  const sources: StreamSource[] = downTargetsFor(storeId, region).map((target) => ({
    name: downStreamName(target),
    // Deliveries on the store's own prefix: its permissions on the hub allow only that one.
    external: { api: `$JS.${HUB_DOMAIN}.API`, deliver: downDeliverPrefix(storeId) },
  }));
  await upsertStream(jsm, {
    name: STREAMS.storeInbox,
    subjects: [],
    sources,
    max_age: nanos(STORE_MAX_AGE_MS),
  });
}

/**
 * The hub's streams: VITRINA_UP (no subjects; one source per store, filtered to that store's
 * subjects) and one down stream per target (all, each region, each store). Call again with the full list of
 * stores when one is added; sources already there keep their position.
 */
export async function ensureHubStreams(hubNc: NatsConnection, stores: readonly { id: string; region?: string | null }[]): Promise<void> {
  const jsm = await jetstreamManager(hubNc);
  const storeIds = stores.map((s) => s.id);
  const regions = [...new Set(stores.flatMap((s) => (s.region ? [s.region] : [])))];
  const targets: DownTarget[] = [{ scope: 'all' }, ...regions.map((region) => ({ scope: 'region' as const, region })), ...storeIds.map((storeId) => ({ scope: 'store' as const, storeId }))];
  for (const target of targets) {
    await upsertStream(jsm, { name: downStreamName(target), subjects: [`${downPrefix(target)}.>`], duplicate_window: nanos(DEDUPE_WINDOW_MS) });
  }
  await upsertStream(jsm, {
    name: STREAMS.hubUp,
    subjects: [],
    duplicate_window: nanos(DEDUPE_WINDOW_MS),
    max_age: nanos(HUB_UP_MAX_AGE_MS),
    sources: storeIds.map((id) => ({
      name: STREAMS.storeOutbox,
      filter_subject: upStoreFilter(id),
      external: { api: `$JS.${storeDomain(id)}.API`, deliver: upDeliverPrefix(id) },
    })),
  });
}
