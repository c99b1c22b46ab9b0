import { connect, nanos, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { CONSUMERS, DEDUPE_WINDOW_MS, OBJECT_STORES, STREAMS, UP_ALL_FILTER, downPrefix, downStreamName, type DownTarget } from '@vitrina/contracts';
import { HUB_UP_MAX_AGE_MS, ensureHubStreams } from '../../../platform/chain/topology.js';

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
  /** JetStream domain to address; head office connects to the hub itself, so none by default. */
  domain?: string;
  name?: string;
}

export async function connectHub(opts: HubOptions): Promise<Hub> {
  const conn: ConnectionOptions = { servers: opts.servers.split(','), name: opts.name ?? 'vitrina-headoffice', maxReconnectAttempts: -1 };
  if (opts.user) Object.assign(conn, { user: opts.user, pass: opts.pass });
  const nc = await connect(conn);
  const domain = opts.domain;
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
 * The chain's hub topology for the stores head office knows: VITRINA_UP sourcing each store's
 * outbox and one down stream per target (platform/chain/topology.ts, shared with the store side),
 * then head office's durable ingest consumer. `direct` is for a single server without leaf nodes
 * (tests, a one-box demo): VITRINA_UP then captures `vitrina.up.>` itself.
 */
export async function ensureChainTopology(hub: Hub, stores: readonly { id: string; region?: string | null }[], opts: { direct?: boolean } = {}): Promise<void> {
  if (opts.direct) {
    const duplicate_window = nanos(DEDUPE_WINDOW_MS);
    if (!(await exists(hub.jsm, STREAMS.hubUp))) await hub.jsm.streams.add({ name: STREAMS.hubUp, subjects: [UP_ALL_FILTER], duplicate_window, max_age: nanos(HUB_UP_MAX_AGE_MS) });
    const regions = [...new Set(stores.flatMap((s) => (s.region ? [s.region] : [])))];
    const targets: DownTarget[] = [{ scope: 'all' }, ...regions.map((region) => ({ scope: 'region' as const, region })), ...stores.map((s) => ({ scope: 'store' as const, storeId: s.id }))];
    for (const t of targets) {
      if (!(await exists(hub.jsm, downStreamName(t)))) await hub.jsm.streams.add({ name: downStreamName(t), subjects: [`${downPrefix(t)}.>`], duplicate_window });
    }
  } else {
    await ensureHubStreams(hub.nc, stores);
  }
  await hub.jsm.consumers.add(STREAMS.hubUp, {
    durable_name: CONSUMERS.hqIngest, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: nanos(30_000), max_ack_pending: 1_000,
  });
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
