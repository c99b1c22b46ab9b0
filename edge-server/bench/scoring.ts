/**
 * Scoring bench: a synthetic store of 100,000 customers and 20,000 items; builds the store
 * aggregates through RecommendService (time, heap), then times rank() for customers with 50
 * baskets over all their candidates — history → candidates → features → ONNX → sort.
 * Budget: p99 ≤ 5 ms. `npx tsx edge-server/bench/scoring.ts [--customers N] [--items N]`
 */
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RecommendService } from '../src/domains/recommend/index.js';
import { emit, percentiles } from './report.js';
import { historyOf, synthesizeStore } from './synthetic-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const CUSTOMERS = arg('--customers', 100_000);
const ITEMS = arg('--items', 20_000);
const HEAVY = 1_000; // customers with exactly 50 baskets: the ones the budget is about
const RUNS = arg('--runs', 3_000);
const BUDGET_P99_MS = 5;

// The same synthetic store as refresh-load.ts, read as the purchases repository's paged reads give.
const store = synthesizeStore(CUSTOMERS, ITEMS, HEAVY);
let basketCount = 0;
for (const list of store.values()) basketCount += list.length;
const history = historyOf(store);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const service = await RecommendService.create({ modelDir: resolve(ROOT, process.env.MODEL_DIR ?? 'models/artifacts/current'), history, refreshIntervalMs: 0, watchModel: false });
const buildMs = performance.now() - t0;
const stats = service.aggregateStats();
// The refresh runs in slices; scans meanwhile wait at most one slice (event-loop delay).
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const t1 = performance.now();
const during: number[] = [];
const refresh = service.refreshAggregates();
let refreshed = false;
void refresh.then(() => (refreshed = true));
while (!refreshed) {
  const s = performance.now();
  await service.rank(`c${during.length % HEAVY}`, { limit: 20, personalized: true });
  during.push(performance.now() - s);
}
const refreshMs = performance.now() - t1;
loop.disable();
global.gc?.();
emit({
  bench: 'aggregates_refresh',
  ms: Math.round(refreshMs),
  first_build_ms: Math.round(buildMs),
  heap_mb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576),
  aggregates_mb: stats.memoryMb,
  max_event_loop_block_ms: Math.round(loop.max / 1e6),
  scans_during_refresh: during.length,
  scan_p99_during_refresh_ms: percentiles(during).p99_ms,
  customers: stats.customers,
  items: stats.items,
  baskets: stats.baskets,
  synthesized_baskets: basketCount,
});

const model = service.health();
const times: number[] = [];
let candidates = 0;
for (let r = 0; r < RUNS + 200; r++) {
  const id = `c${r % HEAVY}`;
  const s = performance.now();
  const ranked = await service.rank(id, { limit: 300, personalized: true });
  const ms = performance.now() - s;
  if (r >= 200) times.push(ms); // the first runs warm the JIT and the ONNX session
  candidates = ranked.length;
}
const p = percentiles(times);
emit({
  bench: 'scoring',
  customers: CUSTOMERS,
  items: ITEMS,
  baskets_per_customer: 50,
  candidates,
  runs: times.length,
  model: model.status,
  model_version: model.version,
  ...p,
  budget_p99_ms: BUDGET_P99_MS,
  pass: model.status === 'loaded' && p.p99_ms !== null && p.p99_ms <= BUDGET_P99_MS,
});
await service.close();
process.exit(0);
