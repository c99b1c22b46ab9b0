/**
 * Scans while the store's background work runs, each next to the same run's scans without it:
 *
 * 1. `scan_during_aggregate_refresh`: a synthetic store of 100,000 customers / 20,000 items
 *    (~600k baskets, synthetic-store.ts) in a real store database (refresh-store.ts, written
 *    once and kept in the temp folder). rank() — the scan's recommendation step: the shopper's
 *    history from SQLite, features, the model — for shoppers with 50 baskets, back to back, in
 *    four phases of the same run: alone; while the aggregates refresh; while tills post
 *    `--receipts-per-s` receipts a second into the same database; and while they post during a
 *    refresh. Once with the build in a worker thread that reads the database itself (the
 *    server), once on the main thread (the comparison; `--no-main` skips it). Event-loop delay
 *    (perf_hooks monitorEventLoopDelay) p99 and max for every phase.
 * 2. `scan_during_receipt_posting`: the demo store through the composed services: a whole scan
 *    (`ScanService.identify` as a keypad entry: card → loyalty → rank → offers → session → the
 *    offer-lifecycle write it awaits) back to back, alone and while tills post
 *    `--receipts-per-s` sale receipts a second through the checkout use case.
 *
 * Budget (issue 14's goal): scan p99 during a refresh, with or without receipt posting, ≤ 3×
 * the same-run p99 alone, and event-loop p99 ≤ 50 ms during a worker refresh; the event-loop
 * max is printed too (a busy machine inflates it least). Receipt posting alone: ≤ 3×; part 2: ≤ 2×.
 *   npx tsx edge-server/bench/refresh-load.ts [--customers N] [--items N] [--seconds S] [--receipts-per-s N] [--no-main]
 */
import { resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pino } from 'pino';
import { RecommendService } from '../src/domains/recommend/index.js';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { emit, percentiles } from './report.js';
import { prepareStore } from './prepare-store.js';
import { openRefreshStore } from './refresh-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const CUSTOMERS = arg('--customers', 100_000);
const ITEMS = arg('--items', 20_000);
const SECONDS = arg('--seconds', 8);
const RECEIPTS_PER_S = arg('--receipts-per-s', 20);
const HEAVY = 1_000;
const MAX_RATIO = 3;
const MAX_LOOP_P99_MS = 50;
/** The whole-scan posting scenario (part 2) keeps its earlier, tighter budget. */
const POSTING_MAX_RATIO = 2;
const round = (x: number) => Math.round(x * 100) / 100;
const load = () => loadavg().map((x) => round(x));

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
type Phase = Awaited<ReturnType<typeof loop>>;

const forSeconds = (s: number) => {
  const end = performance.now() + s * 1000;
  return () => performance.now() >= end;
};

/** A phase's figures beside the same run's scans alone. */
function summary(phase: Phase, alone: Phase) {
  const a = percentiles(alone.times), d = percentiles(phase.times);
  return {
    scans: phase.times.length, scans_per_s: phase.perS, scan_p50_ms: d.p50_ms, scan_p99_ms: d.p99_ms, scan_max_ms: d.max_ms,
    p99_ratio: a.p99_ms && d.p99_ms ? round(d.p99_ms / a.p99_ms) : null,
    event_loop_p99_ms: phase.loopP99Ms, event_loop_max_ms: phase.loopMaxMs, failures: phase.failures,
  };
}

let failed = false;

// ── 1. Aggregate refresh, 100k customers / 20k items, a real store database ───────────────────
const big = await openRefreshStore(CUSTOMERS, ITEMS, HEAVY);
const modelDir = resolve(ROOT, process.env.MODEL_DIR ?? 'models/artifacts/current');
const modes: Array<'worker' | 'main'> = process.argv.includes('--no-main') ? ['worker'] : ['worker', 'main'];
let tillNo = 0;
/** Tills posting RECEIPTS_PER_S sale receipts a second into the big store (the purchases write path, one transaction each). */
function startTills() {
  let posted = 0, refused = 0, stopped = false;
  const started = performance.now();
  let sent = 0;
  const postOne = () => {
    const n = tillNo++;
    const id = `bench-till-${process.pid}-${n}`;
    const at = new Date().toISOString();
    const products = Array.from({ length: 1 + (n % 8) }, (_, k) => `p${(n * 13 + k * 7) % ITEMS}`).filter((p, k, all) => all.indexOf(p) === k);
    big.db.transaction((tx) => big.purchases.insertReceiptIn(tx,
      { id, store_id: 'bench', customer_id: `c${(n * 11) % CUSTOMERS}`, kind: 'sale', original_receipt_id: null, store_time: at, total_minor: 199 * products.length, created_at: at },
      products.map((p, k) => ({ receipt_id: id, line_no: k + 1, product_id: p, quantity: 1, unit_price_minor: 199, discount_minor: 0 }))))
      .then(() => posted++, () => refused++);
  };
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * RECEIPTS_PER_S);
    while (!stopped && sent < due) {
      sent++;
      postOne();
    }
  }, 10);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await new Promise((r) => setTimeout(r, 300));
      return { posted, refused };
    },
  };
}

for (const buildIn of modes) {
  const service = await RecommendService.create({ modelDir, history: big.purchases, dbFile: big.db.file, refreshIntervalMs: 0, watchModel: false, buildIn });
  const scan = (i: number) => service.rank(`c${i % HEAVY}`, { limit: 20, personalized: true });
  await loop(scan, forSeconds(1)); // warm the JIT and the ONNX session
  const alone = await loop(scan, forSeconds(SECONDS));

  const refreshDuring = async () => {
    let refreshed = false;
    const started = performance.now();
    const refresh = service.refreshAggregates().finally(() => (refreshed = true));
    const phase = await loop(scan, () => refreshed);
    return { phase, ms: Math.round(performance.now() - started), stats: await refresh };
  };
  const refresh = await refreshDuring();

  const tills = startTills();
  const posting = await loop(scan, forSeconds(SECONDS));
  const refreshWhilePosting = await refreshDuring();
  const tillsResult = await tills.stop();
  const health = service.aggregatesHealth();
  await service.close();

  const during = summary(refresh.phase, alone);
  const duringPosting = summary(refreshWhilePosting.phase, alone);
  const postingOnly = summary(posting, alone);
  const ok = (p: ReturnType<typeof summary>) => p.p99_ratio !== null && p.p99_ratio <= MAX_RATIO && p.event_loop_p99_ms <= MAX_LOOP_P99_MS && p.failures === 0;
  const pass = buildIn === 'main' || (ok(during) && ok(duringPosting) && postingOnly.p99_ratio !== null && postingOnly.p99_ratio <= MAX_RATIO && tillsResult.refused === 0);
  if (!pass) failed = true;
  const a = percentiles(alone.times);
  emit({
    bench: 'scan_during_aggregate_refresh',
    build_in: buildIn,
    built_in_thread: health.builtInThread,
    customers: refresh.stats.customers,
    items: refresh.stats.items,
    baskets: refresh.stats.baskets,
    store_receipts: big.receipts,
    store_written_s: big.writtenS,
    refresh_ms: refresh.ms,
    refresh_while_posting_ms: refreshWhilePosting.ms,
    alone: { scans: alone.times.length, scans_per_s: alone.perS, scan_p50_ms: a.p50_ms, scan_p99_ms: a.p99_ms, scan_max_ms: a.max_ms, event_loop_p99_ms: alone.loopP99Ms, event_loop_max_ms: alone.loopMaxMs },
    during_refresh: during,
    during_receipt_posting: postingOnly,
    during_refresh_and_posting: duringPosting,
    receipts_per_s: RECEIPTS_PER_S,
    receipts_posted: tillsResult.posted,
    receipts_refused: tillsResult.refused,
    load_average: load(),
    budget: buildIn === 'worker' ? { p99_ratio: MAX_RATIO, event_loop_p99_ms: MAX_LOOP_P99_MS } : 'none (comparison: the build on the main thread)',
    pass,
  });
}
// The tills' receipts go again: the next run reads the same store.
await big.db.exec("DELETE FROM receipt_lines WHERE receipt_id LIKE 'bench-till-%'; DELETE FROM receipts WHERE id LIKE 'bench-till-%';");
await big.db.close();

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
const pass = ratio !== null && ratio <= POSTING_MAX_RATIO && during.failures === 0 && refused === 0;
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
  budget: { p99_ratio: POSTING_MAX_RATIO },
  pass,
});
process.exit(failed ? 1 : 0);
