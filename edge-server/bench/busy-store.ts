/**
 * A busy store: scan → `kiosk:session` latency while the store does other work, each scenario
 * beside the same-run floor (bench/floor-server.ts: a bare Fastify route emitting to socket.io
 * rooms, in its own process, driven at the same rate at the same time) and as a ratio.
 *
 *   (a) 50 scans/s, nothing else
 *   (b) (a) + tills posting 20 sale receipts/s through POST /api/v1/receipts
 *   (c) (b) + 100k-line receipt imports through the API (background jobs), back to back
 *   (d) (b) + a model training run (POST /api/v1/recommendations/train: a child process
 *       reading the store's receipts, then the aggregate refresh of the model it serves)
 *   (e) (b) + one core kept busy by a CPU-bound child process (niceness 0, as another program on
 *       the box: the server and the floor run at SERVER_NICENESS, -5; this load generator at 0)
 *
 * Goals: scan p99 ≤ 50 ms and ≤ 3× the floor's p99 in every scenario; till receipt p99 ≤ 100 ms
 * in (b)–(e); import throughput in (c) ≥ 50 % of the idle import rate (the same import with
 * nothing else running, measured first). One JSON line per scenario with pass/fail per goal, and
 * `cpu_share`: the cores the server, the floor and the load generator (this process) used.
 *
 *   npm run bench -- --only busy [--seconds 15] [--rate 50] [--receipts-per-s 20] [--import-lines 100000] [--scenarios a,b,c,d,e]
 *
 * `--store <json>`: a store prepared once (`prepareStore`'s JSON, 20 kiosks / 200 screens / 10
 * zones unless --kiosks etc. say otherwise), copied for this run, instead of seeding a new one.
 * `--server-trace <dir>`: the server runs with bench/import-trace.mjs preloaded (its writes, import
 * chunks, event-loop delay and a CPU profile, written into <dir> when it exits); the scenarios' windows go to
 * <dir>/windows.jsonl (summarize with bench/import-trace-summary.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { spawnEdgeServer } from '../src/test-support/server-process.js';
import { CSV_COLUMNS } from '../src/domains/purchases/index.js';
import { prepareStore, type BenchStore } from './prepare-store.js';
import { emit, percentiles } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const num = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const str = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const SECONDS = num('--seconds', 15), WARMUP_S = num('--warmup', 3), RATE = num('--rate', 50);
const KIOSKS = num('--kiosks', 20), SCREENS = num('--screens', 200), ZONES = num('--zones', 10);
const RECEIPTS_PER_S = num('--receipts-per-s', 20), IMPORT_LINES = num('--import-lines', 100_000);
const SCENARIOS = str('--scenarios', 'a,b,c,d,e').split(',');
const STORE_FILE = str('--store', ''), TRACE_DIR = str('--server-trace', '');
/** `--server-node-options '<flags>'`: node flags for the server process only (e.g. GC sizes, to compare). */
const SERVER_NODE_OPTIONS = str('--server-node-options', '');
const GOAL = { scanP99Ms: 50, floorRatio: 3, tillP99Ms: 100, importShare: 0.5 };
const round = (x: number) => Math.round(x * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── The store, the server, the floor ────────────────────────────────────────────────────────
const store = STORE_FILE ? copiedStore(STORE_FILE) : await prepareStore(KIOSKS, SCREENS, ZONES);
/** A prepared store's files copied into a fresh temp folder (the run writes to them and removes them). */
function copiedStore(file: string): BenchStore {
  const prepared = JSON.parse(readFileSync(file, 'utf8')) as BenchStore;
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-bench-'));
  cpSync(prepared.dataDir, dataDir, { recursive: true });
  return { ...prepared, dataDir };
}
const admin = (JSON.parse(readFileSync(`${store.dataDir}/demo.json`, 'utf8')) as { admin: { username: string; password: string } }).admin;
const scanners = store.zones.flatMap((z) => z.kiosks.map((k) => ({ kioskId: k.id, path: `sim:${k.id}`, layout: 'hid-pos' })));
const server = await spawnEdgeServer({
  dataDir: store.dataDir,
  env: {
    VITRINA_SECRET: store.secret, SCANNER_SIMULATOR: 'true', SCANNERS: JSON.stringify(scanners), TAKEOVER_MS: '5000', SCAN_RATE_PER_KIOSK: '1000',
    // Training only when scenario (d) asks for it, and short: the bench measures what it does to scans.
    TRAINING_ON_FIRST_START: 'false', TRAINING_EPOCHS: '2',
    ...(TRACE_DIR || SERVER_NODE_OPTIONS ? {
      VITRINA_SERVER_TRACE_DIR: TRACE_DIR,
      NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', SERVER_NODE_OPTIONS, TRACE_DIR ? `--import ${fileURLToPath(new URL('./import-trace.mjs', import.meta.url))}` : ''].join(' '),
    } : {}),
  },
  quiet: true,
  timeoutMs: 300_000,
});
const base = server.url;

const floorChild = spawn(process.execPath, ['--import', 'tsx', 'edge-server/bench/floor-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const floorPort = await new Promise<number>((resolve, reject) => {
  createInterface({ input: floorChild.stdout! }).once('line', (l) => resolve((JSON.parse(l) as { listening: number }).listening));
  floorChild.once('exit', () => reject(new Error('floor server exited')));
});
const floorBase = `http://127.0.0.1:${floorPort}`;
// A failed run must not leave the server, the floor or a CPU hog running.
const children: ChildProcess[] = [floorChild];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  server.child.kill('SIGKILL');
  rmSync(store.dataDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
process.on('uncaughtException', (err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exit(2); });
process.on('unhandledRejection', (err) => { process.stderr.write(`${String(err)}\n`); process.exit(2); });

const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
const staffAuth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
const productPage = (await (await fetch(`${base}/api/v1/products?pageSize=200`, { headers: staffAuth })).json()) as { items: Array<{ id: string }> };
const products = productPage.items.map((p) => p.id);

// ── Sockets: the real server's devices and the floor's ───────────────────────────────────────
type Pending = { t0: number; scenario: number };
let scenario = -1; // -1: warm-up, not recorded
const scanMs: number[][] = [], floorMs: number[][] = [], tillMs: number[][] = [];
const tillFailed: number[] = [], scanFailed: number[] = [];
const record = (into: number[][], p: Pending | undefined) => { if (p && p.scenario >= 0) into[p.scenario]!.push(performance.now() - p.t0); };

const connect = (url: string, auth: Record<string, string>) => new Promise<Socket>((resolve, reject) => {
  const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  s.once('connect', () => resolve(s));
  s.once('connect_error', reject);
});
const sockets: Socket[] = [];
const pendingReal = new Map<string, Pending[]>(), pendingFloor = new Map<string, Pending[]>();
for (const zone of store.zones) {
  for (const k of zone.kiosks) {
    pendingReal.set(k.id, []);
    pendingFloor.set(k.id, []);
    const real = await connect(`${base}/kiosk`, { token: k.token });
    real.on('kiosk:session', () => record(scanMs, pendingReal.get(k.id)!.shift()));
    const floor = await connect(`${floorBase}/kiosk`, { room: `device:${k.id}` });
    floor.on('kiosk:session', () => record(floorMs, pendingFloor.get(k.id)!.shift()));
    sockets.push(real, floor);
  }
  for (const sc of zone.screens) {
    sockets.push(await connect(`${base}/signage`, { token: sc.token }), await connect(`${floorBase}/signage`, { room: `zone:${zone.id}` }));
  }
}
const kiosks = store.zones.flatMap((z) => z.kiosks.map((k) => ({ ...k, zoneId: z.id })));

// ── Load drivers ─────────────────────────────────────────────────────────────────────────────
/** Scan number i on the real server (HID POS reports into the kiosk's simulated scanner) and the same emit on the floor. */
function scan(i: number) {
  const kiosk = kiosks[i % kiosks.length]!;
  const reports = encodeHidPosReports(store.cards[(i * 7) % store.cards.length]!, ']E0').map((r) => [...r]);
  const s = scenario;
  const t0 = performance.now();
  pendingReal.get(kiosk.id)!.push({ t0, scenario: s });
  pendingFloor.get(kiosk.id)!.push({ t0, scenario: s });
  fetch(`${base}/api/v1/dev/scanners/${kiosk.id}/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.token}` }, body: JSON.stringify({ reports }) })
    .then((r) => { if (r.status !== 202 && s >= 0) scanFailed[s]!++; }, () => { if (s >= 0) scanFailed[s]!++; });
  fetch(`${floorBase}/emit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kioskId: kiosk.id, zoneId: kiosk.zoneId }) }).catch(() => undefined);
}

let tillSeq = 0;
/** Receipts posted and not answered yet, by scenario (the drain waits for them). */
const tillInFlight = new Map<number, number>();
function postReceipt() {
  const n = tillSeq++;
  const s = scenario;
  const lines = Array.from({ length: 1 + (n % 8) }, (_, k) => ({ productId: products[(n * 13 + k * 7) % products.length]!, quantity: 1, unitPriceMinor: 199 + k }));
  const t0 = performance.now();
  tillInFlight.set(s, (tillInFlight.get(s) ?? 0) + 1);
  fetch(`${base}/api/v1/receipts`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...staffAuth },
    body: JSON.stringify({ kind: 'sale', receiptId: `busy-till-${process.pid}-${n}`, storeTime: new Date().toISOString(), cardNumber: store.cards[(n * 11) % store.cards.length]!, lines }),
  }).then(async (r) => {
    await r.arrayBuffer();
    if (s < 0) return;
    if (r.status === 200) tillMs[s]!.push(performance.now() - t0);
    else tillFailed[s]!++;
  }, () => { if (s >= 0) tillFailed[s]!++; }).finally(() => tillInFlight.set(s, tillInFlight.get(s)! - 1));
}

/** Calls `fn` `perSecond` times a second until the returned stop() is called. */
function atRate(perSecond: number, fn: (i: number) => void) {
  const started = performance.now();
  let sent = 0;
  const tick = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    while (sent < due) fn(sent++);
  }, 5);
  return () => clearInterval(tick);
}

/** A CSV of `lines` anonymous sale lines over the store's products, receipt ids unique to `prefix`. */
function importCsv(prefix: string, lines: number) {
  const rows = [CSV_COLUMNS.join(',')];
  const t0 = Date.UTC(2024, 0, 1);
  for (let written = 0, r = 0; written < lines; r++) {
    const size = Math.min(1 + (r % 10), lines - written);
    const at = new Date(t0 + r * 60_000).toISOString();
    for (let i = 0; i < size; i++) rows.push(`${prefix}-${r},${at},,${products[(r * 7 + i) % products.length]},1,${99 + (r % 500)},0`);
    written += size;
  }
  return `${rows.join('\n')}\n`;
}

let importSeq = 0;
const nextImportCsv = (lines: number) => importCsv(`busy-imp-${process.pid}-${importSeq++}`, lines);
/**
 * Files written before a scenario starts: building a 100k-line CSV takes this process's thread
 * for a while, which would delay the sockets' timestamps of the real server and the floor alike.
 */
const readyCsvs: string[] = [];
/** One import through the API as a background job, polled until it ends; lines and wall seconds. */
async function importOnce(lines: number) {
  const body = readyCsvs.shift() ?? nextImportCsv(lines);
  const t0 = performance.now();
  const started = await fetch(`${base}/api/v1/imports/receipts/jobs`, { method: 'POST', headers: { 'content-type': 'text/csv', ...staffAuth }, body });
  if (started.status !== 202) throw new Error(`import job refused: ${started.status} ${await started.text()}`);
  const { jobId } = (await started.json()) as { jobId: string };
  for (;;) {
    await sleep(200);
    const job = (await (await fetch(`${base}/api/v1/imports/jobs/${jobId}`, { headers: staffAuth })).json()) as { status: string; report: { linesImported: number } | null };
    if (job.status !== 'running') {
      if (job.status !== 'done') throw new Error(`import job ended ${job.status}`);
      return { lines: job.report!.linesImported, seconds: (performance.now() - t0) / 1000 };
    }
  }
}

/**
 * CPU seconds used so far by the server, the floor and this process (the load generator: its
 * 440 sockets receive every emit of both servers). On 2 cores the three share what (e)'s hog
 * leaves; printed per scenario as shares of one core so a slow scenario shows who had the CPU.
 */
function cpuSeconds() {
  const ticks = (pid: number | undefined) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ 100)
    } catch {
      return null; // not Linux, or gone
    }
  };
  const own = process.cpuUsage();
  return { server: ticks(server.child.pid), floor: ticks(floorChild.pid), loadGenerator: (own.user + own.system) / 1e6 };
}
function cpuShares(before: ReturnType<typeof cpuSeconds>, after: ReturnType<typeof cpuSeconds>, seconds: number) {
  const share = (a: number | null, b: number | null) => (a === null || b === null ? null : round((b - a) / seconds));
  return { server: share(before.server, after.server), floor: share(before.floor, after.floor), load_generator: share(before.loadGenerator, after.loadGenerator) };
}

async function recommendationsState() {
  return (await (await fetch(`${base}/api/v1/recommendations`, { headers: staffAuth })).json()) as { training: { running: boolean }; serving: { ranker: string | null } };
}
async function trainingRunning() {
  return (await recommendationsState()).training.running;
}

// ── Scenarios ────────────────────────────────────────────────────────────────────────────────
const stopWarmup = atRate(RATE, scan);
await sleep(WARMUP_S * 1000);
stopWarmup();
await sleep(1500);

// The idle import rate: the same import with nothing else running.
const idleImport = SCENARIOS.includes('c') ? await importOnce(IMPORT_LINES) : null;
const idleLinesPerS = idleImport ? idleImport.lines / idleImport.seconds : null;
if (TRACE_DIR && idleImport) appendFileSync(join(TRACE_DIR, 'windows.jsonl'), `${JSON.stringify({ scenario: 'idle-import', from: Date.now() - idleImport.seconds * 1000, to: Date.now() })}\n`);

const results: Array<Record<string, unknown>> = [];
let allPass = true;
const names: Record<string, string> = {
  a: '(a) 50 scans/s idle', b: '(b) + tills 20 receipts/s', c: '(c) + 100k-line imports through the API', d: '(d) + model training', e: '(e) + one core kept busy',
};
for (const name of SCENARIOS) {
  const idx = results.length;
  scanMs.push([]); floorMs.push([]); tillMs.push([]); tillFailed.push(0); scanFailed.push(0);
  const stops: Array<() => void> = [];
  let background: Promise<unknown> = Promise.resolve();
  let hog: ChildProcess | null = null;
  let stopImports = false;
  const imported = { lines: 0, seconds: 0, runs: 0, failed: 0 };
  if (name !== 'a') stops.push(atRate(RECEIPTS_PER_S, postReceipt));
  if (name === 'c') {
    // As many files as the scenario can import at the idle rate, and one more.
    const expected = Math.ceil(((SECONDS + 5) * (idleLinesPerS ?? 0)) / IMPORT_LINES) + 1;
    for (let i = 0; i < Math.min(expected, 20); i++) readyCsvs.push(nextImportCsv(IMPORT_LINES));
    background = (async () => {
      while (!stopImports) {
        // A refused or failed import is counted (and fails the goal), not fatal to the run.
        const r = await importOnce(IMPORT_LINES).catch(() => null);
        if (!r) { imported.failed++; await sleep(1000); continue; }
        imported.lines += r.lines; imported.seconds += r.seconds; imported.runs++;
      }
    })();
  }
  if (name === 'd') {
    const r = await fetch(`${base}/api/v1/recommendations/train`, { method: 'POST', headers: staffAuth });
    if (r.status !== 202) process.stderr.write(`training refused: ${r.status} ${await r.text()}\n`);
  }
  if (name === 'e') children.push(hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  await sleep(500);
  scenario = idx;
  const windowFrom = Date.now();
  const load1Before = loadavg()[0]!;
  const cpuBefore = cpuSeconds();
  stops.push(atRate(RATE, scan));
  await sleep(SECONDS * 1000);
  scenario = -1;
  const cpu = cpuShares(cpuBefore, cpuSeconds(), SECONDS);
  if (TRACE_DIR) appendFileSync(join(TRACE_DIR, 'windows.jsonl'), `${JSON.stringify({ scenario: name, from: windowFrom, to: Date.now() })}\n`);
  for (const stop of stops) stop();
  const stillTraining = name === 'd' ? await trainingRunning() : null;
  stopImports = true;
  // The last sessions and receipts arrive (on a loaded machine, late ones still count for this scenario).
  const waiting = () => (tillInFlight.get(idx) ?? 0) > 0 || [...pendingReal.values(), ...pendingFloor.values()].some((q) => q.some((p) => p.scenario === idx));
  for (let i = 0; i < 300 && waiting(); i++) await sleep(100);
  await sleep(500);
  hog?.kill('SIGKILL');
  await background;
  // The next scenario starts on a machine without this one's training.
  if (name === 'd') for (let i = 0; i < 180 && (await trainingRunning()); i++) await sleep(1000);

  // What serves from here on: (d)'s decision decides what every later scan ranks with.
  const servingAfter = (await recommendationsState()).serving.ranker;
  const s = percentiles(scanMs[idx]!), f = percentiles(floorMs[idx]!), t = percentiles(tillMs[idx]!);
  const ratio = s.p99_ms !== null && f.p99_ms ? round(s.p99_ms / f.p99_ms) : null;
  const goals: Record<string, boolean> = {
    scan_p99_le_50ms: s.p99_ms !== null && s.p99_ms <= GOAL.scanP99Ms && scanFailed[idx] === 0,
    scan_p99_le_3x_floor: ratio !== null && ratio <= GOAL.floorRatio,
  };
  if (name !== 'a') goals.till_p99_le_100ms = t.p99_ms !== null && t.p99_ms <= GOAL.tillP99Ms && tillFailed[idx] === 0;
  const importRate = imported.seconds > 0 ? imported.lines / imported.seconds : null;
  if (name === 'c') goals.import_ge_50pct_idle = importRate !== null && idleLinesPerS !== null && importRate >= GOAL.importShare * idleLinesPerS && imported.failed === 0;
  const pass = Object.values(goals).every(Boolean);
  if (!pass) allPass = false;
  const row = {
    bench: 'busy_store', scenario: names[name] ?? name, seconds: SECONDS, load1: round(load1Before),
    scans: scanMs[idx]!.length, scans_failed: scanFailed[idx], scan_p50_ms: s.p50_ms, scan_p99_ms: s.p99_ms, scan_max_ms: s.max_ms,
    floor_p50_ms: f.p50_ms, floor_p99_ms: f.p99_ms, p99_ratio_to_floor: ratio,
    ...(name === 'a' ? {} : { receipts: tillMs[idx]!.length, receipts_failed: tillFailed[idx], till_p50_ms: t.p50_ms, till_p99_ms: t.p99_ms, till_max_ms: t.max_ms }),
    ...(name === 'c' ? { imports: imported.runs, imports_failed: imported.failed, import_lines_per_s: importRate && Math.round(importRate), idle_import_lines_per_s: idleLinesPerS && Math.round(idleLinesPerS), import_share_of_idle: importRate && idleLinesPerS ? round(importRate / idleLinesPerS) : null } : {}),
    ...(name === 'd' ? { training_still_running_at_end: stillTraining } : {}),
    serving: servingAfter,
    cpu_share: cpu,
    goals, pass,
  };
  results.push(row);
  emit(row);
}

const metrics = (await (await fetch(`${base}/api/metrics`)).json()) as { scanMs: Record<string, number>; rankMs: Record<string, number> };
emit({ bench: 'busy_store_scan_in_server', unit: 'ms', note: 'ScanService.identify, every scenario and the warm-up', ...metrics.scanMs, rank: metrics.rankMs });

for (const s of sockets) s.close();
floorChild.kill('SIGTERM');
await server.stop();
rmSync(store.dataDir, { recursive: true, force: true });
process.exit(allPass ? 0 : 1);
