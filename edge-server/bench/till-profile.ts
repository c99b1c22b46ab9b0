/**
 * Server-side cost of one till receipt, for profiling: the demo store through the real app
 * (`buildApp` on a copy of a prepared SQLite file), sale receipts posted through
 * `POST /api/v1/receipts` with `app.inject` back to back on one thread, nothing else running.
 * The receipts are shaped as the busy-store bench's tills post them (1–8 lines, a member card).
 * Prints the p50/p99 wall time of a receipt and its CPU (p50 of `process.cpuUsage` around each,
 * and the mean); `--statements` instead counts the SQL statements a receipt runs (by wrapping the
 * database's and each transaction's `get`/`all`/`run`, as scan-statements.ts);
 * `--profile <file>` writes a .cpuprofile of the measured receipts only (no start-up, no
 * warm-up), to summarize with cpu-profile-summary.ts:
 *
 *   npx tsx edge-server/bench/scan-profile.ts --prepare > /tmp/store.json
 *   npx tsx edge-server/bench/till-profile.ts --store /tmp/store.json [--receipts 1000] [--warmup 200] [--profile /tmp/till.cpuprofile] [--statements]
 *   npx tsx edge-server/bench/cpu-profile-summary.ts /tmp/till.cpuprofile
 *   npx tsx edge-server/bench/till-profile.ts --store /tmp/store.json --busy 20 [--rate 50] [--receipts-per-s 20]
 *
 * `--busy <seconds>` finds the till's tail: receipts at `--receipts-per-s` while scans run at
 * `--rate` in the same process (the busy-store bench's scenario b, without the HTTP and socket
 * clients), and prints where each receipt's time went — reads ahead of its transaction, waiting
 * for the writer, the transaction, the audit row's write (onSend) — for all receipts and for the
 * slowest 5 %, beside the event loop's delay (`monitorEventLoopDelay`), GC pauses, and the
 * writer's other work (what a receipt waited behind).
 *
 * The prepared store is copied to a temp folder first, so every run starts from the same rows
 * (before/after runs alternate on the same data).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/load.js';
import type { BenchStore } from './prepare-store.js';
import { countStatements, measurePerCall, printStatements } from './per-call.js';
import { emit, percentiles } from './report.js';

const num = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const storeArg = process.argv[process.argv.indexOf('--store') + 1];
if (!process.argv.includes('--store') || !storeArg) throw new Error('--store <json from scan-profile.ts --prepare> is required');
const prepared = JSON.parse(readFileSync(storeArg, 'utf8')) as BenchStore;
const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-till-'));
cpSync(prepared.dataDir, dataDir, { recursive: true });
const admin = (JSON.parse(readFileSync(`${dataDir}/demo.json`, 'utf8')) as { admin: { username: string; password: string } }).admin;

const config = loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', TRAINING_ON_FIRST_START: false, SCAN_RATE_PER_KIOSK: 10_000 });
const { app, services } = await buildApp({ config, secret: prepared.secret });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
const auth = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
const products = (((await app.inject({ method: 'GET', url: '/api/v1/products?pageSize=200', headers: auth })).json()) as { items: Array<{ id: string }> }).items.map((p) => p.id);

let seq = 0;
/** One sale as busy-store.ts's tills post it: 1–8 lines over the catalogue, a member's card. */
async function postReceipt() {
  const n = seq++;
  const lines = Array.from({ length: 1 + (n % 8) }, (_, k) => ({ productId: products[(n * 13 + k * 7) % products.length]!, quantity: 1, unitPriceMinor: 199 + k }));
  const res = await app.inject({
    method: 'POST', url: '/api/v1/receipts', headers: auth,
    payload: { kind: 'sale', receiptId: `till-profile-${process.pid}-${n}`, storeTime: new Date().toISOString(), cardNumber: prepared.cards[(n * 11) % prepared.cards.length]!, lines },
  });
  if (res.statusCode !== 200) throw new Error(`receipt ${n}: ${res.statusCode} ${res.body}`);
}

for (let i = 0; i < num('--warmup', 200); i++) await postReceipt(); // JIT, statement cache, SQLite pages, read cache
const RECEIPTS = num('--receipts', 1000);

if (process.argv.includes('--busy')) {
  await busy(num('--busy', 20), num('--rate', 50), num('--receipts-per-s', 20));
} else if (process.argv.includes('--statements')) {
  const counts = countStatements(services.db, 150);
  for (let i = 0; i < RECEIPTS; i++) await postReceipt();
  await services.eventLog.flush();
  printStatements(counts, RECEIPTS, 'receipt');
} else {
  const profileFile = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1]! : null;
  const m = await measurePerCall(RECEIPTS, postReceipt, profileFile);
  emit({
    bench: 'till_profile', receipts: RECEIPTS, ...percentiles(m.times),
    cpu_ms_per_receipt_p50: Math.round(m.cpuP50Ms * 100) / 100, cpu_ms_per_receipt: Math.round((m.cpuMs / RECEIPTS) * 100) / 100,
    wall_ms_per_receipt: Math.round((m.wallMs / RECEIPTS) * 100) / 100,
  });
}
await app.close();
rmSync(dataDir, { recursive: true, force: true });

/** See `--busy` above. */
async function busy(seconds: number, scanRate: number, receiptRate: number) {
  const kiosk = { id: prepared.zones[0]!.kiosks[0]!.id, zone_id: prepared.zones[0]!.id };
  const db = services.db;
  // The writer's work by kind: how long each write took from its call to its answer (queue + run).
  const writes = new Map<string, number[]>();
  const note = (kind: string, ms: number) => { const l = writes.get(kind) ?? []; l.push(ms); writes.set(kind, l); };
  const run = db.run.bind(db);
  Object.assign(db, {
    run: async (sql: string, params?: Parameters<typeof run>[1], opts?: Parameters<typeof run>[2]) => {
      const t = performance.now();
      try { return await run(sql, params, opts); } finally { note(`run ${sql.replace(/\s+/g, ' ').slice(0, 40)}`, performance.now() - t); }
    },
  });
  const transaction = db.transaction.bind(db);
  const queuedAtCall: number[] = [];
  Object.assign(db, {
    transaction: (fn: Parameters<typeof transaction>[0], opts?: Parameters<typeof transaction>[1]) => {
      queuedAtCall.push(db.queued().interactive);
      let began = 0;
      return transaction((tx) => { began = performance.now(); return fn(tx); }, opts).finally(() => note('transaction (BEGIN to COMMIT, every caller)', performance.now() - began));
    },
  });
  const totals: number[] = [];
  const timings: Array<{ total: number; readMs: number; writerWaitMs: number; txMs: number }> = [];
  const byId = new Map<string, { readMs: number; writerWaitMs: number; txMs: number }>();
  Object.assign(services.receipts, { observe: (t: { receiptId: string; readMs: number; writerWaitMs: number; txMs: number }) => byId.set(t.receiptId, t) });
  const { monitorEventLoopDelay, PerformanceObserver } = await import('node:perf_hooks');
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const gc: number[] = [];
  const gcObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) gc.push(e.duration); });
  gcObserver.observe({ entryTypes: ['gc'] });
  const scanMs: number[] = [];
  let failed = 0;
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => { inFlight.add(p); void p.finally(() => inFlight.delete(p)); };
  let scans = 0, receipts = 0;
  const started = performance.now();
  loop.enable();
  const tick = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000;
    while (scans < Math.floor(elapsed * scanRate)) {
      const i = scans++;
      const s = performance.now();
      track(services.scan.identify(kiosk, prepared.cards[(i * 7) % prepared.cards.length]!, 'keypad').then(() => scanMs.push(performance.now() - s), () => failed++));
    }
    while (receipts < Math.floor(elapsed * receiptRate)) {
      receipts++;
      const n = seq;
      const id = `till-profile-${process.pid}-${n}`;
      const s = performance.now();
      track(postReceipt().then(() => {
        const total = performance.now() - s;
        totals.push(total);
        const t = byId.get(id);
        if (t) timings.push({ total, ...t });
      }, () => failed++));
    }
  }, 5);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(tick);
  await Promise.all([...inFlight]);
  loop.disable();
  gcObserver.disconnect();
  const stat = (xs: number[]) => percentiles(xs);
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100) / 100;
  const slow = [...timings].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.floor(timings.length / 20)));
  const parts = (xs: typeof timings) => ({
    total: mean(xs.map((t) => t.total)), read_ahead: mean(xs.map((t) => t.readMs)), writer_wait: mean(xs.map((t) => t.writerWaitMs)), transaction: mean(xs.map((t) => t.txMs)),
    rest: mean(xs.map((t) => t.total - t.readMs - t.writerWaitMs - t.txMs)),
  });
  emit({
    bench: 'till_busy', seconds, scan_rate: scanRate, receipt_rate: receiptRate, receipts: totals.length, scans: scanMs.length, failed,
    receipt_ms: stat(totals), scan_ms: stat(scanMs),
    mean_parts_all_ms: parts(timings), mean_parts_slowest_5pct_ms: parts(slow),
    writer_wait_ms: stat(timings.map((t) => t.writerWaitMs)), transaction_ms: stat(timings.map((t) => t.txMs)), read_ahead_ms: stat(timings.map((t) => t.readMs)),
    event_loop_delay_ms: { p50: Math.round(loop.percentile(50) / 1e4) / 100, p99: Math.round(loop.percentile(99) / 1e4) / 100, max: Math.round(loop.max / 1e4) / 100 },
    gc_ms: { pauses: gc.length, total: Math.round(gc.reduce((a, b) => a + b, 0)), ...stat(gc) },
    interactive_queue_at_tx_call: stat(queuedAtCall),
  });
  for (const [kind, xs] of [...writes].sort((a, b) => b[1].length - a[1].length)) emit({ writer: kind, n: xs.length, ...stat(xs) });
}
