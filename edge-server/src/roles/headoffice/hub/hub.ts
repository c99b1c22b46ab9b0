import { connect, nanos, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type StreamSource } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { CONSUMERS, DEDUPE_WINDOW_MS, DOWN_ALL_FILTER, HUB_DOMAIN, OBJECT_STORES, STREAMS, upStoreFilter } from '@vitrina/contracts';

/** Head office's connection to the chain hub: JetStream in the hub's domain, its streams and object stores. */
export interface Hub {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  objects(name: (typeof OBJECT_STORES)[keyof typeof OBJECT_STORES]): Promise<ObjectStore>;
  close(): Promise<void>;
}

export interface HubOptions {
  servers: string;
  /** Head office's own user on the hub (deploy/chain); absent on an open loopback test server. */
  user?: string;
  pass?: string;
  /** JetStream domain of the hub; a single test server without domains passes null. */
  domain?: string | null;
  name?: string;
}

export async function connectHub(opts: HubOptions): Promise<Hub> {
  const conn: ConnectionOptions = { servers: opts.servers.split(','), name: opts.name ?? 'vitrina-headoffice', maxReconnectAttempts: -1 };
  if (opts.user) Object.assign(conn, { user: opts.user, pass: opts.pass });
  const nc = await connect(conn);
  const domain = opts.domain === undefined ? HUB_DOMAIN : opts.domain ?? undefined;
  const js = jetstream(nc, domain ? { domain } : {});
  const jsm = await jetstreamManager(nc, domain ? { domain } : {});
  const objm = new Objm(js);
  const stores = new Map<string, Promise<ObjectStore>>();
  return {
    nc, js, jsm,
    objects(name) {
      let os = stores.get(name);
      if (!os) {
        os = objm.create(name, { description: `vitrina ${name}` });
        stores.set(name, os);
      }
      return os;
    },
    async close() {
      await nc.drain().catch(() => nc.close());
    },
  };
}

/**
 * The hub's streams, created when missing (an existing stream keeps its configuration, so a
 * deployment may tune limits): VITRINA_UP, fed by one source per registered store's outbox, and
 * VITRINA_DOWN, which head office publishes into. `upSubjects` is for a single-server test or
 * demo without leaf nodes: VITRINA_UP then captures `vitrina.up.>` itself.
 */
export async function ensureHubStreams(jsm: JetStreamManager, opts: { upSubjects?: string[] } = {}): Promise<void> {
  const duplicate_window = nanos(DEDUPE_WINDOW_MS);
  if (!(await exists(jsm, STREAMS.hubUp))) {
    await jsm.streams.add({ name: STREAMS.hubUp, ...(opts.upSubjects ? { subjects: opts.upSubjects } : { sources: [] }), duplicate_window });
  }
  if (!(await exists(jsm, STREAMS.hubDown))) await jsm.streams.add({ name: STREAMS.hubDown, subjects: [DOWN_ALL_FILTER], duplicate_window });
  await jsm.consumers.add(STREAMS.hubUp, {
    durable_name: CONSUMERS.hqIngest, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: nanos(30_000), max_ack_pending: 1_000,
  });
}

/** The source of one store's outbox in VITRINA_UP: its leaf domain's API, and only its own subjects. */
export function storeSource(storeId: string): StreamSource {
  return { name: STREAMS.storeOutbox, filter_subject: upStoreFilter(storeId), external: { api: `$JS.${storeId}.API` } };
}

/** Adds a store's outbox to VITRINA_UP's sources (once); a stream that captures subjects itself needs none. */
export async function addStoreSource(jsm: JetStreamManager, storeId: string): Promise<boolean> {
  const info = await jsm.streams.info(STREAMS.hubUp);
  if ((info.config.subjects ?? []).length > 0) return false;
  const sources = info.config.sources ?? [];
  if (sources.some((s) => s.filter_subject === upStoreFilter(storeId))) return false;
  await jsm.streams.update(STREAMS.hubUp, { ...info.config, sources: [...sources, storeSource(storeId)] });
  return true;
}

async function exists(jsm: JetStreamManager, name: string): Promise<boolean> {
  try {
    await jsm.streams.info(name);
    return true;
  } catch (err) {
    if (/not found/i.test((err as Error).message)) return false;
    throw err;
  }
}
