/**
 * Scans while the store's background work runs, each next to the same run's scans without it:
 *
 * 1. `scan_during_aggregate_refresh`: a synthetic store of 100,000 customers / 20,000 items
 *    (~600k baskets, synthetic-store.ts). rank() — the scan's recommendation step, the part a
 *    refresh competes with — for shoppers with 50 baskets, back to back, first for `--seconds`
 *    alone, then while the aggregates refresh. Once with the build in a worker thread (the
 *    server), once on the main thread in slices (as before; `--no-main` skips it). Event-loop
 *    delay (perf_hooks monitorEventLoopDelay) max and p99 for both phases.
 * 2. `scan_during_receipt_posting`: the demo store through the composed services: a whole scan
 *    (`ScanService.identify` as a keypad entry: card → loyalty → rank → offers → session → the
 *    offer-lifecycle write it awaits) back to back, alone and while tills post
 *    `--receipts-per-s` sale receipts a second through the checkout use case.
 *
 * Budget: scan p99 during a refresh or receipt posting ≤ 2× the same-run p99 without it, and
 * the event loop never blocked over 50 ms during a worker refresh.
 *   npx tsx edge-server/bench/refresh-load.ts [--customers N] [--items N] [--seconds S] [--receipts-per-s N] [--no-main]
 */
import { resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { pino } from 'pino';
import { RecommendService } from '../src/domains/recommend/index.js';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { emit, percentiles } from './report.js';
import { prepareStore } from './prepare-store.js';
import { historyOf, synthesizeStore } from './synthetic-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const CUSTOMERS = arg('--customers', 100_000);
const ITEMS = arg('--items', 20_000);
const SECONDS = arg('--seconds', 8);
const RECEIPTS_PER_S = arg('--receipts-per-s', 20);
const HEAVY = 1_000;
const MAX_RATIO = 2;
const MAX_BLOCK_MS = 50;
const round = (x: number) => Math.round(x * 100) / 100;

/** Runs `op` back to back until `until()` says stop; latencies in ms and the event-loop delay meanwhile. */
async function loop(op: (i: number) => Promise<unknown>, until: () => boolean) {
  const t0 = performance.now();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const times: number[] = [];
  let failures = 0;
  while (!until()) {
    const s = performance.now();
    await op(times.length).catch(() => failures++);
    times.push(performance.now() - s);
  }
  delay.disable();
  return { times, failures, loopMaxMs: round(delay.max / 1e6), loopP99Ms: round(delay.percentile(99) / 1e6), perS: round(times.length / ((performance.now() - t0) / 1000)) };
}

const forSeconds = (s: number) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

let failed = false;

// ── 1. Aggregate refresh, 100k customers / 20k items ─────────────────────────────────────────
const store = synthesizeStore(CUSTOMERS, ITEMS, HEAVY);
const history = historyOf(store);
let synthesized = 0;
for (const list of store.values()) synthesized += list.length;
const modelDir = resolve(ROOT, process.env.MODEL_DIR ?? 'models/artifacts/current');
const modes: Array<'worker' | 'main'> = process.argv.includes('--no-main') ? ['worker'] : ['worker', 'main'];
for (const buildIn of modes) {
  const service = await RecommendService.create({ modelDir, history, refreshIntervalMs: 0, watchModel: false, buildIn });
  const scan = (i: number) => service.rank(`c${i % HEAVY}`, { limit: 20, personalized: true });
  await loop(scan, forSeconds(1)); // warm the JIT and the ONNX session
  const alone = await loop(scan, forSeconds(SECONDS));
  let refreshed = false;
  const started = performance.now();
  const refresh = service.refreshAggregates().finally(() => (refreshed = true));
  const during = await loop(scan, () => refreshed);
  const refreshMs = performance.now() - started;
  const stats = await refresh;
  const health = service.aggregatesHealth();
  await service.close();
  const a = percentiles(alone.times), d = percentiles(during.times);
  const ratio = a.p99_ms && d.p99_ms ? round(d.p99_ms / a.p99_ms) : null;
  const pass = buildIn === 'main' || (ratio !== null && ratio <= MAX_RATIO && during.loopMaxMs <= MAX_BLOCK_MS && during.failures === 0);
  if (!pass) failed = true;
  emit({
    bench: 'scan_during_aggregate_refresh',
    build_in: buildIn,
    built_in_thread: health.builtInThread,
    customers: stats.customers,
    items: stats.items,
    baskets: stats.baskets,
    synthesized_baskets: synthesized,
    refresh_ms: Math.round(refreshMs),
    scans_alone: alone.times.length,
    scan_p99_alone_ms: a.p99_ms,
    scans_during: during.times.length,
    scans_per_s_alone: alone.perS,
    scans_per_s_during: during.perS,
    scan_p99_during_ms: d.p99_ms,
    scan_max_during_ms: d.max_ms,
    p99_ratio: ratio,
    event_loop_max_alone_ms: alone.loopMaxMs,
    event_loop_max_during_ms: during.loopMaxMs,
    event_loop_p99_during_ms: during.loopP99Ms,
    failures: during.failures,
    budget: buildIn === 'worker' ? { p99_ratio: MAX_RATIO, event_loop_max_ms: MAX_BLOCK_MS } : 'none (comparison: the build on the main thread)',
    pass,
  });
}
store.clear();

// ── 2. Receipt posting from tills, the demo store, whole scans ───────────────────────────────
const demo = await prepareStore(1, 0, 1);
const config = loadConfig({}, { DATA_DIR: demo.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', SCAN_RATE_PER_KIOSK: 10_000 });
const app = await composeServices({ config, secret: demo.secret, log: pino({ level: 'silent' }), background: false });
const kiosk = { id: demo.zones[0]!.kiosks[0]!.id, zone_id: demo.zones[0]!.id };
const products = await app.catalog.firstIds(200);
const scan = (i: number) => app.scan.identify(kiosk, demo.cards[(i * 7) % demo.cards.length]!, 'keypad');
await loop(scan, forSeconds(1));
const alone = await loop(scan, forSeconds(SECONDS));
let posted = 0, refused = 0, stop = false;
const postOne = (n: number) => {
  const lines = Array.from({ length: 1 + (n % 8) }, (_, k) => ({ productId: products[(n * 13 + k * 7) % products.length]!, quantity: 1, unitPriceMinor: 199 + k }));
  app.receipts.post({ kind: 'sale', receiptId: `bench-till-${n}`, storeTime: new Date().toISOString(), cardNumber: demo.cards[(n * 11) % demo.cards.length]!, lines })
    .then(() => posted++, () => refused++);
};
const started = performance.now();
let sent = 0;
const tills = setInterval(() => {
  const due = Math.floor(((performance.now() - started) / 1000) * RECEIPTS_PER_S);
  while (!stop && sent < due) postOne(sent++);
}, 10);
const during = await loop(scan, forSeconds(SECONDS));
stop = true;
clearInterval(tills);
await new Promise((r) => setTimeout(r, 500));
await app.close();
rmSync(demo.dataDir, { recursive: true, force: true });
const a = percentiles(alone.times), d = percentiles(during.times);
const ratio = a.p99_ms && d.p99_ms ? round(d.p99_ms / a.p99_ms) : null;
const pass = ratio !== null && ratio <= MAX_RATIO && during.failures === 0 && refused === 0;
if (!pass) failed = true;
emit({
  bench: 'scan_during_receipt_posting',
  receipts_per_s: RECEIPTS_PER_S,
  receipts_posted: posted,
  receipts_refused: refused,
  seconds: SECONDS,
  scans_alone: alone.times.length,
  scan_p99_alone_ms: a.p99_ms,
  scans_during: during.times.length,
  scans_per_s_alone: alone.perS,
  scans_per_s_during: during.perS,
  scan_p99_during_ms: d.p99_ms,
  p99_ratio: ratio,
  event_loop_max_alone_ms: alone.loopMaxMs,
  event_loop_max_during_ms: during.loopMaxMs,
  failures: during.failures,
  budget: { p99_ratio: MAX_RATIO },
  pass,
});
process.exit(failed ? 1 : 0);
