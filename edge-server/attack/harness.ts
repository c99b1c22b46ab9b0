/**
 * What every attack probe shares: a seeded demo store (seeded once, copied per probe), the real
 * server in its own process on a loopback port the OS picks, the demo's credentials, and the one
 * JSON line each probe prints.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEdgeServer, type ServerProcess } from '../src/test-support/server-process.js';
import { Database, databaseFile } from '../src/platform/db/database.js';

// Termination by run.ts's timeout goes through 'exit' handlers (which stop the probe's server).
process.once('SIGTERM', () => process.exit(1));

/** run.ts seeds the template once and passes it to every probe through this variable. */
export const TEMPLATE_ENV = 'VITRINA_ATTACK_TEMPLATE';

export interface DemoInfo {
  admin: { username: string; password: string };
  devices: Array<{ id: string; kind: 'kiosk' | 'screen'; zoneId: string; token: string }>;
}

/**
 * Every attacked server runs without first-start training: a training child on the same cores
 * would slow the probes' servers and blur their timings. A probe's own env can turn it back on.
 */
const BASE_ENV = { SCANNER_SIMULATOR: 'true', TRAINING_ON_FIRST_START: 'false' };

/** Seeds the demo store into a new folder through the real server's first boot (minutes on a slow box). */
export async function seedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-attack-template-'));
  const server = await spawnEdgeServer({ dataDir: dir, quiet: true, timeoutMs: 10 * 60_000, env: BASE_ENV });
  // SIGTERM checkpoints the WAL into vitrina.sqlite, so a plain copy of the folder is consistent.
  await server.stop();
  if (!existsSync(join(dir, 'demo.json'))) throw new Error('the seeding server left no demo.json');
  return dir;
}

/** The run's template, or one seeded now (a probe started on its own) and removed at exit. */
export async function templateDir(): Promise<string> {
  const given = process.env[TEMPLATE_ENV];
  if (given) return given;
  const dir = await seedTemplate();
  process.env[TEMPLATE_ENV] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Store {
  dataDir: string;
  demo: DemoInfo;
  server: ServerProcess;
  url: string;
  /** Server stdout + stderr so far (the privacy probe reads it for secrets). */
  output(): string;
  /** Starts the server again on the same data dir (after a crash or a stop); `port` keeps devices' URL. */
  restart(env?: Record<string, string>, port?: number): Promise<void>;
  /** Stops the server and removes the store copy. */
  close(): Promise<void>;
}

/** A private copy of the seeded store with the real server on it. */
export async function startStore(env: Record<string, string> = {}): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-attack-'));
  cpSync(await templateDir(), dataDir, { recursive: true });
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoInfo;
  let out = '';
  const spawn = async (e: Record<string, string>, port?: number) => {
    const s = await spawnEdgeServer({ dataDir, port, env: { ...BASE_ENV, LOG_LEVEL: 'info', ...e }, capture: true });
    s.child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
    s.child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    return s;
  };
  const store: Store = {
    dataDir,
    demo,
    server: await spawn(env),
    url: '',
    output: () => out,
    async restart(e = env, port?: number) {
      await store.server.stop();
      store.server = await spawn(e, port);
      store.url = store.server.url;
    },
    async close() {
      await store.server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  store.url = store.server.url;
  // A probe that dies (an assertion throws, run.ts's timeout) must not leave its server running.
  process.once('exit', () => { store.server.child.kill('SIGKILL'); rmSync(dataDir, { recursive: true, force: true }); });
  return store;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** JSON API call; returns status and parsed body (or raw text when it is not JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- probes read whichever reply field they check
export async function api(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed };
}

/** Resident memory of a process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

export const alive = (s: ServerProcess) => s.child.exitCode === null && s.child.signalCode === null;

/** The probe's one JSON line; the exit code carries the verdict to run.ts. */
export function report(probe: string, ok: boolean, figures: Record<string, unknown>): never {
  process.stdout.write(`${JSON.stringify({ probe, ok, ...figures })}\n`);
  process.exit(ok ? 0 : 1);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Read-only SQL on a store's database (the server may be running: SQLite WAL readers do not block it). */
export async function withDb<T>(dataDir: string, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(databaseFile(dataDir));
  try { return await read(db); } finally { await db.close(); }
}
