/**
 * A real NATS chain on loopback for tests, the bench and the demo: one hub nats-server and one
 * leaf nats-server per store, configured by deploy/chain/gen-chain-config.mjs, each leaf linked
 * to the hub through a TCP proxy the caller can cut and restore (a WAN outage of one store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { freePorts } from './free-ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { connect, nkeyAuthenticator, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { ensureHubStreams } from '../platform/chain/index.js';
// @ts-expect-error plain ESM script shared with the ops tooling (no types)
import { writeChainConfig } from '../../../deploy/chain/gen-chain-config.mjs';

export const NATS_SERVER = process.env.NATS_SERVER ?? '/usr/sbin/nats-server';

/** Waits until `check` resolves truthy (polling); throws with `what` after `timeoutMs` (an upper bound for a stuck test on a loaded machine). */
export async function waitFor<T>(what: string, check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs = 180_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastErr ? ` (last error: ${(lastErr as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A TCP proxy that can drop every connection and refuse new ones until restored. */
export interface LinkProxy {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}
export async function startLinkProxy(targetPort: number): Promise<LinkProxy> {
  let up = true;
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = tcpConnect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => { client.destroy(); upstream.destroy(); pairs.delete(pair); };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    // The hub's INFO lists its own leafnode address ("leafnode_urls", "ip"; nats-server 2.9.10
    // sends them even with no_advertise) and a leaf reconnects there directly when the proxy
    // drops it, which would bypass the cut. The proxy hides them, so the leaf only knows the proxy.
    upstream.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      client.write(text.includes('"leafnode_urls"') ? Buffer.from(text.replace(/"leafnode_urls":\[[^\]]*\]/g, '"leafnode_urls":[]').replace(/"ip":"[^"]*",?/g, ''), 'latin1') : chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dropAll = () => {
    for (const [a, b] of pairs) { a.destroy(); b.destroy(); }
    pairs.clear();
  };
  return {
    port,
    cut() { up = false; dropAll(); },
    restore() { up = true; },
    close: () => new Promise((resolve) => { up = false; dropAll(); server.close(() => resolve()); }),
  };
}

export interface NatsProcess {
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}
function startNats(conf: string, log: string[]): NatsProcess {
  const child = spawn(NATS_SERVER, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (b: Buffer) => { log.push(b.toString()); if (log.length > 200) log.shift(); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await gone;
    },
  };
}

export interface ChainStore {
  id: string; region: string | null; url: string; conf: string; proxy: LinkProxy; leaf: NatsProcess;
  /** The leaf link's password on the hub; the store's NKey (public key) and seed file. */
  password: string; nkey: string; seedFile: string;
  /** What the store's edge server needs in its environment to sign in to its leaf. */
  edgeEnv: Record<string, string>;
  /** Connection options of a local client of the store's leaf (its credential). */
  clientAuth: Partial<ConnectionOptions>;
}
export interface ChainCluster {
  dir: string;
  /** The hub's leafnode port (behind the stores' proxies). */
  hubLeafPort: number;
  hubUrl: string;
  hqUser: string;
  hqPassword: string;
  stores: ChainStore[];
  store(id: string): ChainStore;
  /** A connection to the hub as head office. */
  hq(): Promise<NatsConnection>;
  /** Stops the store's leaf process (SIGKILL when `hard`) / starts it again on the same config and data. */
  stopLeaf(id: string, hard?: boolean): Promise<void>;
  startLeaf(id: string): Promise<void>;
  /** Resolves once the store's leaf answers the hub's JetStream API through the link. */
  waitLinked(id: string, timeoutMs?: number): Promise<void>;
  logs: string[];
  close(): Promise<void>;
}

/** Starts a hub and one leaf per store (each behind its own proxy), and the hub's streams. */
/** `tls`: the hub's leafnode listener with a certificate of a CA made for the cluster, leaves verifying it (gen-chain-config --tls). */
export async function startChainCluster(stores: readonly { id: string; region?: string | null }[], opts: { dir?: string; tls?: boolean } = {}): Promise<ChainCluster> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'vitrina-chain-'));
  const logs: string[] = [];
  type Config = {
    hub: { conf: string; url: string; hqUser: string; hqPassword: string };
    stores: { id: string; region: string | null; url: string; password: string; conf: string; seedFile: string; nkey: string; inboxPrefix: string }[];
  };
  // Ports are chosen before nats-server binds them, so another process can take one in between:
  // a hub that exits before it accepts a connection is started again on new ports (3 tries).
  let hubLeafPort = 0, proxies: LinkProxy[] = [], cfg: Config, hub: NatsProcess, hqNc: NatsConnection;
  for (let attempt = 1; ; attempt++) {
    const [hubPort, leafListen, ...leafPorts] = await freePorts(2 + stores.length);
    hubLeafPort = leafListen!;
    proxies = [];
    for (const _ of stores) proxies.push(await startLinkProxy(hubLeafPort));
    cfg = writeChainConfig({ dir, stores, hubPort, hubLeafPort, leafPorts, remotePorts: proxies.map((p) => p.port), tls: opts.tls ?? false }) as Config;
    hub = startNats(cfg.hub.conf, logs);
    const started = hub;
    const conf = cfg.hub;
    const up = await waitFor<NatsConnection | 'exited'>('the hub to accept connections', () => (started.child.exitCode !== null ? 'exited' : connect({ servers: conf.url, user: conf.hqUser, pass: conf.hqPassword })), 30_000, 100)
      .catch((err: Error) => { throw new Error(`${err.message}; nats-server said: ${logs.slice(-5).join('').trim()}`); });
    if (up !== 'exited') {
      hqNc = up;
      break;
    }
    await Promise.all(proxies.map((p) => p.close()));
    if (attempt === 3) throw new Error(`the hub exited before accepting connections, 3 times; nats-server said: ${logs.slice(-5).join('').trim()}`);
  }
  const hubConf = cfg.hub;
  const hq = () => connect({ servers: hubConf.url, user: hubConf.hqUser, pass: hubConf.hqPassword });
  const chainStores: ChainStore[] = cfg.stores.map((s, i) => ({
    ...s, proxy: proxies[i]!, leaf: startNats(s.conf, logs),
    edgeEnv: { CHAIN_NATS_NKEY_SEED_FILE: s.seedFile },
    clientAuth: { authenticator: nkeyAuthenticator(new TextEncoder().encode(readFileSync(s.seedFile, 'utf8').trim())), inboxPrefix: s.inboxPrefix },
  }));
  await ensureHubStreams(hqNc, stores);
  await hqNc.close();
  const byId = (id: string) => {
    const s = chainStores.find((x) => x.id === id);
    if (!s) throw new Error(`no store ${id} in the cluster`);
    return s;
  };
  const cluster: ChainCluster = {
    dir, hubLeafPort, hubUrl: cfg.hub.url, hqUser: cfg.hub.hqUser, hqPassword: cfg.hub.hqPassword, stores: chainStores, logs,
    store: byId,
    hq,
    async stopLeaf(id, hard = false) { await byId(id).leaf.stop(hard ? 'SIGKILL' : 'SIGTERM'); },
    async startLeaf(id) { const s = byId(id); s.leaf = startNats(s.conf, logs); },
    async waitLinked(id, timeoutMs = 180_000) {
      const s = byId(id);
      await waitFor(`store ${id}'s leaf to reach the hub`, async () => {
        const nc = await connect({ servers: s.url, timeout: 1_000, ...s.clientAuth });
        try {
          await nc.request('$JS.hub.API.INFO', '', { timeout: 1_000 });
          return true;
        } finally {
          await nc.close();
        }
      }, timeoutMs, 200);
    },
    async close() {
      await Promise.all(chainStores.map((s) => s.leaf.stop()));
      await hub.stop();
      await Promise.all(proxies.map((p) => p.close()));
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const s of chainStores) await cluster.waitLinked(s.id);
  return cluster;
}
