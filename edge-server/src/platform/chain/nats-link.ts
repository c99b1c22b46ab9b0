/**
 * The edge server's one connection to its store's leaf nats-server, behind a small typed
 * interface (ChainLink) so the use case never touches NATS directly. Up: publish into the leaf's
 * own JetStream domain and resolve on its PubAck (works while the WAN is down). Down: pull from
 * the leaf's VITRINA_INBOX with a durable consumer, ack after the handler succeeded.
 */
import { readFileSync } from 'node:fs';
import { CONSUMERS, HUB_DOMAIN, STREAMS, storeDomain, storeInboxPrefix, type UpEnvelope } from '@vitrina/contracts';
import { Objm } from '@nats-io/obj';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { ensureStoreStreams } from './topology.js';

export interface InboxMessage {
  subject: string;
  /** The inbox stream's sequence (the store's order of arrival). */
  seq: number;
  data: unknown;
}

export interface ChainLink {
  /** Publishes one envelope on `subject` with `Nats-Msg-Id` = its key; resolves on the leaf's PubAck. */
  publishUp(subject: string, envelope: UpEnvelope): Promise<{ seq: number; duplicate: boolean }>;
  /**
   * Fetches up to `max` inbox messages in order and hands each to `apply`; a message is acked
   * only after `apply` resolved (a throw leaves it for redelivery). Returns how many were applied.
   */
  drainInbox(apply: (m: InboxMessage) => Promise<void>, max: number): Promise<number>;
  /** Messages in the inbox not yet acked by this store (0 when up to date). */
  inboxPending(): Promise<number>;
  /**
   * One file of a hub object store (`vitrina_models`, `vitrina_media`), read through the leaf
   * link; null when it is not there. Needs the link to head office to be up.
   */
  getObject(bucket: string, name: string): Promise<Uint8Array | null>;
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface NatsLinkOptions {
  url: string;
  user?: string;
  password?: string;
  /** The store's NKey seed file (deploy/chain `<storeId>.nk`); signs in instead of user/password. */
  nkeySeedFile?: string;
  storeId: string;
  region: string | null;
}

/** The seed (`SU…`) of a seed file; a clear error when the file is missing or holds none. */
function readSeed(file: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`CHAIN_NATS_NKEY_SEED_FILE ${file} cannot be read: ${(err as Error).message}`);
  }
  const seed = /SU[A-Z2-7]{56}/.exec(text)?.[0];
  if (!seed) throw new Error(`CHAIN_NATS_NKEY_SEED_FILE ${file} holds no user NKey seed (SU…)`);
  return new TextEncoder().encode(seed);
}

export async function connectNatsLink(opts: NatsLinkOptions): Promise<ChainLink> {
  const nc: NatsConnection = await connect({
    servers: opts.url,
    ...(opts.nkeySeedFile ? { authenticator: nkeyAuthenticator(readSeed(opts.nkeySeedFile)) } : opts.user ? { user: opts.user, pass: opts.password ?? '' } : {}),
    // Replies through the hub come on the store's own prefix: its permissions allow no other.
    inboxPrefix: storeInboxPrefix(opts.storeId),
    name: `vitrina-edge-${opts.storeId}`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const domain = storeDomain(opts.storeId);
  await ensureStoreStreams(nc, opts.storeId, opts.region);
  const jsm = await jetstreamManager(nc, { domain });
  try {
    await jsm.consumers.info(STREAMS.storeInbox, CONSUMERS.storeInbox);
  } catch {
    await jsm.consumers.add(STREAMS.storeInbox, { durable_name: CONSUMERS.storeInbox, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1 });
  }
  const js: JetStreamClient = jetstream(nc, { domain });

  return {
    async publishUp(subject, envelope) {
      const ack = await js.publish(subject, JSON.stringify(envelope), { msgID: envelope.key, timeout: 5_000 });
      return { seq: ack.seq, duplicate: ack.duplicate };
    },
    async drainInbox(apply, max) {
      const consumer = await js.consumers.get(STREAMS.storeInbox, CONSUMERS.storeInbox);
      const batch = await consumer.fetch({ max_messages: max, expires: 1_000 });
      let n = 0;
      for await (const m of batch) {
        try {
          await apply({ subject: m.subject, seq: m.seq, data: m.json() });
          m.ack();
          n++;
        } catch (err) {
          // Order matters: stop here; the message comes back after the ack wait (or on the next fetch).
          m.nak(2_000);
          throw err;
        }
      }
      return n;
    },
    async inboxPending() {
      const info = await jsm.consumers.info(STREAMS.storeInbox, CONSUMERS.storeInbox);
      return info.num_pending + info.num_ack_pending;
    },
    async getObject(bucket, name) {
      const store = await new Objm(jetstream(nc, { domain: HUB_DOMAIN, timeout: 10_000 })).open(bucket);
      return store.getBlob(name);
    },
    isConnected: () => !nc.isClosed(),
    async close() {
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    },
  };
}
