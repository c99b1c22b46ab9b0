/**
 * The chain's names on NATS: subjects, JetStream domains, streams, KV buckets and object stores.
 * Head office (`c-hq`) and the store side (`c-link`) both build every name from here, so a name
 * is written once. Additive changes only: a store offline for days still speaks the old names.
 */

/**
 * Up-flow kinds: what a store sends to head office. `erasure` tells head office that the store
 * erased a shopper (its key is `<storeId>:erasure:<outbox seq>`, never the customer id, so head
 * office's dedupe record holds nothing personal).
 */
export const UP_KINDS = ['receipts', 'ledger', 'events', 'survey', 'pop', 'erasure'] as const;
export type UpKind = (typeof UP_KINDS)[number];

/** Down-flow kinds: what head office sends to stores. */
export const DOWN_KINDS = ['campaigns', 'promotions', 'catalog', 'prices', 'content', 'model'] as const;
export type DownKind = (typeof DOWN_KINDS)[number];

/** Who a down message is meant for: every store, the stores of one region, or one store. */
export type DownTarget = { scope: 'all' } | { scope: 'region'; region: string } | { scope: 'store'; storeId: string };

/**
 * A store id (and a region id) is one NATS subject token and one JetStream domain name:
 * letters, digits, `-` and `_` only, so it never splits a subject or a domain.
 */
export const CHAIN_ID_PATTERN = '^[A-Za-z0-9_-]{1,40}$';
const CHAIN_ID = new RegExp(CHAIN_ID_PATTERN);
export function isChainId(value: string): boolean {
  return CHAIN_ID.test(value);
}
function token(value: string, what: string): string {
  if (!isChainId(value)) throw new Error(`${what} "${value}" is not a valid chain id (${CHAIN_ID_PATTERN})`);
  return value;
}

export const SUBJECT_ROOT = 'vitrina';

/** `vitrina.up.<storeId>.<kind>`: a store publishes only under its own id. */
export function upSubject(storeId: string, kind: UpKind): string {
  return `${SUBJECT_ROOT}.up.${token(storeId, 'store id')}.${kind}`;
}
/** Everything one store sends: `vitrina.up.<storeId>.>`. */
export function upStoreFilter(storeId: string): string {
  return `${SUBJECT_ROOT}.up.${token(storeId, 'store id')}.>`;
}
/** Everything from every store (head office's side): `vitrina.up.>`. */
export const UP_ALL_FILTER = `${SUBJECT_ROOT}.up.>`;

/** The subject prefix of a target: `vitrina.down.all`, `vitrina.down.region.<r>`, `vitrina.down.store.<id>`. */
export function downPrefix(target: DownTarget): string {
  switch (target.scope) {
    case 'all':
      return `${SUBJECT_ROOT}.down.all`;
    case 'region':
      return `${SUBJECT_ROOT}.down.region.${token(target.region, 'region')}`;
    case 'store':
      return `${SUBJECT_ROOT}.down.store.${token(target.storeId, 'store id')}`;
  }
}
/** `vitrina.down.<all|region.<r>|store.<id>>.<kind>` */
export function downSubject(target: DownTarget, kind: DownKind): string {
  return `${downPrefix(target)}.${kind}`;
}
/** The down filters one store reads: all stores, its region (when it has one), itself. */
export function downFiltersFor(storeId: string, region?: string | null): string[] {
  return downTargetsFor(storeId, region).map((t) => `${downPrefix(t)}.>`);
}
export const DOWN_ALL_FILTER = `${SUBJECT_ROOT}.down.>`;

/** JetStream domain of head office's hub. A store's leaf node's domain is its store id. */
export const HUB_DOMAIN = 'hub';
export function storeDomain(storeId: string): string {
  return token(storeId, 'store id');
}

/**
 * Streams.
 * - `VITRINA_OUTBOX` lives in each store's leaf domain and captures `vitrina.up.<storeId>.>`;
 *   it is the store's store-and-forward buffer (kept while the WAN is down).
 * - `VITRINA_UP` lives in the hub domain, has no subjects of its own and **sources** from every
 *   store's `VITRINA_OUTBOX` (`external.api: $JS.<storeId>.API`, filter `vitrina.up.<storeId>.>`),
 *   so a store's domain can only ever contribute its own subjects.
 * - Down streams live in the hub domain, one per target (`downStreamName`):
 *   `VITRINA_DOWN_ALL` (`vitrina.down.all.>`), `VITRINA_DOWN_REGION_<r>` (`vitrina.down.region.<r>.>`),
 *   `VITRINA_DOWN_STORE_<id>` (`vitrina.down.store.<id>.>`). Head office just publishes on the subject;
 *   one stream per target (not one `vitrina.down.>` stream) because nats-server 2.9 sources a stream
 *   only once per stream name, and because permissions can then name exactly the streams a store may read.
 * - `VITRINA_INBOX` lives in each store's leaf domain and sources the down streams meant for that
 *   store; the edge server reads it with a local durable consumer, so it converges in order after
 *   days offline.
 */
export const STREAMS = {
  storeOutbox: 'VITRINA_OUTBOX',
  hubUp: 'VITRINA_UP',
  /** Prefix of the hub's per-target down streams: use `downStreamName(target)`. */
  hubDown: 'VITRINA_DOWN',
  storeInbox: 'VITRINA_INBOX',
} as const;

/** The hub stream that holds one target's down messages. */
export function downStreamName(target: DownTarget): string {
  switch (target.scope) {
    case 'all':
      return `${STREAMS.hubDown}_ALL`;
    case 'region':
      return `${STREAMS.hubDown}_REGION_${token(target.region, 'region')}`;
    case 'store':
      return `${STREAMS.hubDown}_STORE_${token(target.storeId, 'store id')}`;
  }
}
/** The down targets one store reads: all stores, its region (when it has one), itself. */
export function downTargetsFor(storeId: string, region?: string | null): DownTarget[] {
  return [{ scope: 'all' }, ...(region ? [{ scope: 'region' as const, region }] : []), { scope: 'store', storeId }];
}

/**
 * Subject prefixes of the chain's source deliveries and a store's replies, one per store, so a
 * store's permissions on the hub can name only its own (deploy/chain/gen-chain-config.mjs writes
 * the same names): the hub's source of a store's outbox delivers on `vitrina.src.<id>.…`, a
 * store's inbox receives its down streams on `vitrina.dlv.<id>.…`, and a store's clients use
 * `_INBOX_<id>` as their inbox prefix.
 */
export function upDeliverPrefix(storeId: string): string {
  return `${SUBJECT_ROOT}.src.${token(storeId, 'store id')}`;
}
export function downDeliverPrefix(storeId: string): string {
  return `${SUBJECT_ROOT}.dlv.${token(storeId, 'store id')}`;
}
export function storeInboxPrefix(storeId: string): string {
  return `_INBOX_${token(storeId, 'store id')}`;
}

/** Durable consumer names. */
export const CONSUMERS = {
  /** The edge server's consumer of its own `VITRINA_INBOX`. */
  storeInbox: 'edge-inbox',
  /** Head office's ingest consumer of `VITRINA_UP` (owned by c-hq). */
  hqIngest: 'hq-ingest',
} as const;

/** JetStream dedupe window (Nats-Msg-Id) on every chain stream: long enough to cover a replay after a partition. */
export const DEDUPE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Object stores in the hub domain. (No KV buckets: the `vitrina_stores` / `vitrina_manifests`
 * buckets once named here were never created nor read — head office's store registry is its own
 * table, and a store converges from its inbox, which sources every down stream in order — so the
 * names were removed rather than kept as a second source of truth.)
 */
export const OBJECT_STORES = {
  /** Content media (images, video), name = sha256 of the bytes. */
  media: 'vitrina_media',
  /** Model artifacts (ONNX + metadata), name = `<modelId>/<file>`. */
  models: 'vitrina_models',
} as const;

/** The header JetStream dedupes on. Its value is the envelope's `key`. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';
