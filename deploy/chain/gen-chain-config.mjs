#!/usr/bin/env node
// Writes a chain's NATS configs into a directory: hub.conf, leaf-<storeId>.conf per store,
// <storeId>.nk per store (the store's NKey seed, mode 0600: it goes to that store only) and
// users.json (public keys, and the leaf links' passwords). Used by the chain tests, the bench and
// `npm run chain:demo`; for a real deployment run it once and copy each file to its host.
//
//   node deploy/chain/gen-chain-config.mjs --dir ./chain --stores s1,s2,s3 [--regions s1=north,s2=north]
//        [--hub-port 4222 --hub-leaf-port 7422 --leaf-base-port 4300] [--hub-host 127.0.0.1] [--tls]
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createUser, fromSeed } from '@nats-io/nkeys';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Subject prefixes the chain's source consumers deliver on (set by platform/chain/topology.ts). */
export const deliverPrefixUp = (storeId) => `vitrina.src.${storeId}`;
export const deliverPrefixDown = (storeId) => `vitrina.dlv.${storeId}`;
/** The edge server's (and any local client's) inbox prefix: replies through the hub reach only this store. */
export const inboxPrefix = (storeId) => `_INBOX_${storeId}`;

/**
 * What a store may do on the hub, as its leaf link and as a client signed in with its NKey.
 * Publish = what it may send into the hub; subscribe = what it may receive. As narrow as
 * nats-server 2.9.10 allows without accounts (deploy/chain/README.md, "Permissions"):
 * - publish its own up subjects only (a wrong store id is a permissions violation);
 * - answer the hub's sourcing of its own domain (`$JS.<id>.API.>` in, the source's deliveries
 *   out on its own prefix `vitrina.src.<id>.>`, replies to the hub's requests on `$JSC.R.>`);
 * - create/read consumers on the hub's down streams meant for it (all, its region, itself) and
 *   read head office's object stores; the deliveries come on its own prefix `vitrina.dlv.<id>.>`
 *   and its own inbox prefix `_INBOX_<id>.>`, so it never receives another store's down messages
 *   or another client's replies; flow-control replies only to its own streams' consumers;
 * - nothing else of the hub's JetStream API: no purge, no delete, no other stream's consumers.
 */
export function storePermissions(storeId, region = null) {
  const downStreams = ['VITRINA_DOWN_ALL', `VITRINA_DOWN_STORE_${storeId}`, ...(region ? [`VITRINA_DOWN_REGION_${region}`] : [])];
  // Head office's object stores (model artifacts, content media) are read-only to every store.
  const objectStreams = ['OBJ_vitrina_models', 'OBJ_vitrina_media'];
  return {
    publish: {
      allow: [
        `vitrina.up.${storeId}.>`,
        // Its inbox sources the hub's down streams meant for it: consumer create/info/delete on those only.
        ...downStreams.flatMap((st) => [
          `$JS.hub.API.STREAM.INFO.${st}`,
          `$JS.hub.API.CONSUMER.CREATE.${st}`,
          `$JS.hub.API.CONSUMER.CREATE.${st}.>`,
          `$JS.hub.API.CONSUMER.INFO.${st}.>`,
          `$JS.hub.API.CONSUMER.DELETE.${st}.>`,
          `$JS.FC.${st}.>`,
        ]),
        ...objectStreams.flatMap((st) => [
          `$JS.hub.API.STREAM.INFO.${st}`,
          `$JS.hub.API.STREAM.MSG.GET.${st}`,
          `$JS.hub.API.DIRECT.GET.${st}.>`,
          `$JS.hub.API.CONSUMER.CREATE.${st}`,
          `$JS.hub.API.CONSUMER.CREATE.${st}.>`,
          `$JS.hub.API.CONSUMER.DELETE.${st}.>`,
          `$JS.FC.${st}.>`,
        ]),
        '$JS.hub.API.INFO',
        // The hub's source of its own outbox: deliveries on its own prefix; the consumer-create
        // replies go to the hub's random `$JSC.R.<token>` (cannot be narrowed by store).
        `${deliverPrefixUp(storeId)}.>`,
        '$JSC.R.>',
      ],
    },
    subscribe: {
      allow: [
        `$JS.${storeId}.API.>`,
        // Its inbox's source deliveries, its own clients' replies.
        `${deliverPrefixDown(storeId)}.>`,
        `${inboxPrefix(storeId)}.>`,
        // Replies to its inbox's consumer-create requests and the hub's flow-control replies to
        // its outbox's source consumer: random tokens / a stream name every store shares.
        '$JSC.R.>',
        '$JS.FC.VITRINA_OUTBOX.>',
      ],
    },
    allow_responses: true,
  };
}

function q(s) {
  return JSON.stringify(s);
}

/**
 * Each store is on the hub twice with the same permissions: its NKey (a client signed in with
 * the store's seed) and a user + password for its leaf link, because nats-server 2.9.10's leaf
 * remotes sign in only with a user/password, a JWT credentials file or a TLS certificate, not a
 * bare NKey (README "Credentials").
 */
export function hubConf({ dir, host = '127.0.0.1', port, leafPort, hqPassword, stores, tls = null }) {
  const users = [
    `    { user: "hq", password: ${q(hqPassword)} }`,
    ...stores.flatMap((s) => {
      const permissions = JSON.stringify(storePermissions(s.id, s.region));
      return [`    { nkey: ${q(s.nkey)}, permissions: ${permissions} }`, `    { user: ${q(s.id)}, password: ${q(s.password)}, permissions: ${permissions} }`];
    }),
  ];
  return `# Vitrina chain hub (head office). Generated by deploy/chain/gen-chain-config.mjs.
server_name: hub
listen: ${host}:${port}
jetstream {
  domain: hub
  store_dir: ${q(join(dir, 'data', 'hub'))}
}
authorization {
  # Seconds a client has to finish its CONNECT: nats-server's default (2 s) timed clients out on
  # a loaded 2-core box, and every refusal costs the store a retry with back-off.
  timeout: 10
  users: [
${users.join(',\n')}
  ]
}
leafnodes {
  listen: ${host}:${leafPort}${tls ? `
  tls {
    cert_file: ${q(tls.certFile)}
    key_file: ${q(tls.keyFile)}
    timeout: 5
  }` : ''}
}
`;
}

export function leafConf({ dir, store, hubHost = '127.0.0.1', hubLeafPort, port, tls = null }) {
  const url = `nats-leaf://${encodeURIComponent(store.id)}:${encodeURIComponent(store.password)}@${hubHost}:${hubLeafPort}`;
  return `# Vitrina store ${store.id}: leaf node of the hub with its own JetStream domain.
# Generated by deploy/chain/gen-chain-config.mjs. The edge server connects to 127.0.0.1:${port}
# signed in with the store's NKey seed (${store.id}.nk, CHAIN_NATS_NKEY_SEED_FILE).
server_name: ${q(`leaf-${store.id}`)}
listen: 127.0.0.1:${port}
jetstream {
  domain: ${q(store.id)}
  store_dir: ${q(join(dir, 'data', store.id))}
}
authorization {
  timeout: 10
  users: [
    { nkey: ${q(store.nkey)} }
  ]
}
leafnodes {
  reconnect: 1
  remotes: [
    { url: ${q(url)}${tls ? `, tls: { ca_file: ${q(tls.caFile)} }` : ''} }
  ]
}
`;
}

/**
 * `remotePorts[i]` (optional) points store i's leaf at another port than the hub's leafnode
 * port: the tests put a cuttable TCP proxy there to partition one store.
 * Writes every file and returns what a caller needs to run and connect:
 * { hub: { conf, port, leafPort, url, hqUser, hqPassword }, stores: [{ id, region, conf, port, url, password }] }.
 */
export function writeChainConfig({ dir, stores, hubHost = '127.0.0.1', hubPort, hubLeafPort, leafPorts, remotePorts = [], passwords = {}, seeds = {}, tls = false }) {
  dir = resolve(dir);
  mkdirSync(join(dir, 'data'), { recursive: true });
  const withSecrets = stores.map((s, i) => {
    if (!ID.test(s.id)) throw new Error(`store id "${s.id}" must match ${ID}`);
    // The store's NKey: a given seed (kept across a regeneration), else a new one.
    const kp = seeds[s.id] ? fromSeed(new TextEncoder().encode(seeds[s.id])) : createUser();
    const seedFile = join(dir, `${s.id}.nk`);
    writeFileSync(seedFile, `${new TextDecoder().decode(kp.getSeed())}\n`, { mode: 0o600 });
    return {
      id: s.id, region: s.region ?? null, password: passwords[s.id] ?? randomBytes(18).toString('base64url'), port: leafPorts[i], remotePort: remotePorts[i] ?? hubLeafPort,
      nkey: kp.getPublicKey(), seedFile,
    };
  });
  const hqPassword = passwords.hq ?? randomBytes(18).toString('base64url');
  const certs = tls ? makeTlsFiles(dir, hubHost) : null;
  const hubFile = join(dir, 'hub.conf');
  writeFileSync(hubFile, hubConf({ dir, host: hubHost, port: hubPort, leafPort: hubLeafPort, hqPassword, stores: withSecrets, tls: certs }), { mode: 0o600 });
  const out = {
    dir,
    tls: certs,
    hub: { conf: hubFile, port: hubPort, leafPort: hubLeafPort, url: `nats://${hubHost}:${hubPort}`, hqUser: 'hq', hqPassword },
    stores: withSecrets.map((s) => {
      const conf = join(dir, `leaf-${s.id}.conf`);
      writeFileSync(conf, leafConf({ dir, store: s, hubHost, hubLeafPort: s.remotePort, port: s.port, tls: certs }), { mode: 0o600 });
      return { ...s, conf, url: `nats://127.0.0.1:${s.port}`, inboxPrefix: inboxPrefix(s.id) };
    }),
  };
  writeFileSync(join(dir, 'users.json'), JSON.stringify({ hq: hqPassword, stores: Object.fromEntries(withSecrets.map((s) => [s.id, { nkey: s.nkey, password: s.password, region: s.region }])) }, null, 2), { mode: 0o600 });
  return out;
}

/**
 * `--tls`: a CA and the hub's leafnode certificate (openssl, Debian's package): ca.pem (goes to
 * every store), ca-key.pem (keep offline), hub-cert.pem + hub-key.pem (the hub only). The hub
 * certificate names `hubHost`, localhost and 127.0.0.1.
 */
function makeTlsFiles(dir, hubHost) {
  const tlsDir = join(dir, 'tls');
  mkdirSync(tlsDir, { recursive: true, mode: 0o700 });
  const f = (name) => join(tlsDir, name);
  const ssl = (args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '825', '-subj', '/CN=Vitrina chain CA', '-keyout', f('ca-key.pem'), '-out', f('ca.pem')]);
  ssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${hubHost}`, '-keyout', f('hub-key.pem'), '-out', f('hub.csr')]);
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(hubHost);
  writeFileSync(f('hub.ext'), `subjectAltName=DNS:localhost,IP:127.0.0.1${ip ? `,IP:${hubHost}` : `,DNS:${hubHost}`}\nextendedKeyUsage=serverAuth\n`);
  ssl(['x509', '-req', '-in', f('hub.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca-key.pem'), '-CAcreateserial', '-days', '825', '-extfile', f('hub.ext'), '-out', f('hub-cert.pem')]);
  for (const name of ['ca-key.pem', 'hub-key.pem']) chmodSync(f(name), 0o600);
  for (const name of ['hub.csr', 'hub.ext', 'ca.srl']) rmSync(f(name), { force: true });
  return { caFile: f('ca.pem'), certFile: f('hub-cert.pem'), keyFile: f('hub-key.pem') };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ids = (arg('stores', 's1,s2') ?? '').split(',').filter(Boolean);
  const regions = Object.fromEntries((arg('regions', '') ?? '').split(',').filter(Boolean).map((p) => p.split('=')));
  const base = Number(arg('leaf-base-port', '4300'));
  const out = writeChainConfig({
    dir: arg('dir', './chain'),
    stores: ids.map((id) => ({ id, region: regions[id] })),
    hubHost: arg('hub-host', '127.0.0.1'),
    hubPort: Number(arg('hub-port', '4222')),
    hubLeafPort: Number(arg('hub-leaf-port', '7422')),
    leafPorts: ids.map((_, i) => base + i),
    tls: process.argv.includes('--tls'),
  });
  console.log(`wrote ${out.hub.conf}, ${out.stores.length} leaf configs and NKey seeds (<store>.nk, one per store); public keys and leaf passwords in ${join(out.dir, 'users.json')}${out.tls ? `; TLS CA ${out.tls.caFile}` : ''}`);
}
