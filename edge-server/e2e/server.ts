import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEdgeServer, type ServerProcess } from '../src/test-support/server-process.js';

export interface DemoInfo {
  admin: { username: string; password: string };
  devices: Array<{ id: string; kind: 'kiosk' | 'screen'; zoneId: string; token: string; url: string }>;
}

export interface RunningServer {
  url: string;
  demo: DemoInfo;
  device(id: string): DemoInfo['devices'][number];
  /** Calls the API as the demo admin (to compare what a page shows with what the server says). */
  api<T>(path: string): Promise<T>;
  /** Any call as the demo admin (JSON body, or FormData for uploads); throws on a non-2xx answer. */
  send<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Stops the server process and starts it again on the same port and data (the store rebooted). */
  restart(): Promise<void>;
  /** Stops the server process but keeps its data, for `restart()`. */
  pause(): Promise<void>;
  /** Feeds raw HID reports into the simulated scanner bound to a kiosk (with that kiosk's device token, as the dev route requires). */
  scan(kioskId: string, reports: Uint8Array[]): Promise<void>;
  stop(): Promise<void>;
}

/** Raw HID reports into a kiosk's simulated scanner, with that kiosk's own token (as the dev route requires). */
async function feedScanner(url: string, kioskId: string, kioskToken: string, reports: Uint8Array[]) {
  const res = await fetch(`${url}/api/v1/dev/scanners/${kioskId}/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ reports: reports.map((r) => [...r]) }),
  });
  if (res.status !== 202) throw new Error(`scan refused: ${res.status} ${await res.text()}`);
}

/** Where global-setup.ts leaves the seeded demo store for this run (workers inherit the env). */
export const STORE_TEMPLATE_ENV = 'VITRINA_E2E_STORE_TEMPLATE';

/**
 * The environment of every e2e server, the seeding one included. No first-start training: a
 * training child would compete with the browser for the cores; recommendations.spec.ts, which
 * waits for that first decision, turns it on (`startServer({ TRAINING_ON_FIRST_START: 'true' })`).
 */
export const SERVER_ENV = { SCANNER_SIMULATOR: 'true', TAKEOVER_MS: '8000', TRAINING_ON_FIRST_START: 'false' };

/**
 * Starts the real edge server (demo store, simulated scanners) in its own process, on a
 * private copy of the demo store seeded once for the run, and on a port the OS picks. `env` adds
 * to the server's environment (e.g. `STORE_LOCALE: 'ru-RU'` for a Russian store).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const template = process.env[STORE_TEMPLATE_ENV];
  if (!template) throw new Error(`${STORE_TEMPLATE_ENV} is not set: run the e2e tests through playwright.config.ts (its globalSetup seeds the store)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-'));
  cpSync(template, dataDir, { recursive: true });
  let server: ServerProcess | undefined;
  let login: { token: string };
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoInfo;
  try {
    server = await spawnEdgeServer({ dataDir, env: { ...SERVER_ENV, ...env } });
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.admin) });
    if (!res.ok) throw new Error(`demo admin login: HTTP ${res.status}`);
    login = (await res.json()) as { token: string };
  } catch (err) {
    await server?.stop(); // no stray server process or store copy when the start fails
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const { url } = server;
  let stopped = false;
  let running: ServerProcess | null = server;
  return {
    url,
    demo,
    async send<T>(method: string, path: string, body?: unknown) {
      const form = body instanceof FormData;
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${login.token}`, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async restart() {
      await running?.stop();
      running = null;
      running = await spawnEdgeServer({ dataDir, port: Number(new URL(url).port), env: { ...SERVER_ENV, ...env } });
      const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demo.admin) });
      if (!res.ok) throw new Error(`demo admin login after restart: HTTP ${res.status}`);
      login = (await res.json()) as { token: string };
    },
    async api<T>(path: string) {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${login.token}` } });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    },
    device: (id) => {
      const d = demo.devices.find((x) => x.id === id);
      if (!d) throw new Error(`no demo device ${id}`);
      return d;
    },
    scan: (kioskId, reports) => feedScanner(url, kioskId, demo.devices.find((d) => d.id === kioskId)?.token ?? '', reports),
    async stop() {
      if (stopped) return;
      stopped = true;
      await running?.stop();
      running = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
    /** Stops the process only, keeping the store's data for `restart()`. */
    async pause() {
      await running?.stop();
      running = null;
    },
  };
}

export interface EmptyStore {
  url: string;
  /** The first admin's name and temporary password, as the store left them in DATA_DIR/first-admin.json. */
  firstAdmin: { username: string; temporaryPassword: string };
  /** Feeds raw HID reports into the simulated scanner of a kiosk paired while the store runs (with that kiosk's token). */
  scan(kioskId: string, kioskToken: string, reports: Uint8Array[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A store that starts empty (DEMO_SEED=false), as a real store moving in does: no demo data, one
 * first admin with a temporary password, simulated scanners for the kiosks it will pair.
 */
export async function startEmptyStore(env: Record<string, string>): Promise<EmptyStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-empty-'));
  let server: ServerProcess;
  try {
    server = await spawnEdgeServer({ dataDir, env: { ...SERVER_ENV, ...env, DEMO_SEED: 'false' } });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const firstAdmin = JSON.parse(readFileSync(join(dataDir, 'first-admin.json'), 'utf8')) as EmptyStore['firstAdmin'];
  let stopped = false;
  return {
    url: server.url,
    firstAdmin,
    scan: (kioskId, kioskToken, reports) => feedScanner(server.url, kioskId, kioskToken, reports),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
