/**
 * What the end of a training run and of an aggregates refresh cost the server's event loop,
 * each beside what it cost before the change (bench/profiles/training.md), in alternating runs:
 *
 * 1. `hot_swap`: the first model a process loads into onnxruntime (a store serving a baseline
 *    until its first promoted model). In a fresh process each time: `cold` creates the session
 *    straight away (before: onnxruntime's one-time start-up inside the hot swap); `warmed` after
 *    `warmUpOnnxRuntime()`, as the server now does at boot. Event-loop max around the create.
 * 2. `refresh_handover`: taking a refresh's item ids from the worker for N items. `cloned`: the
 *    structured clone of the id array and the id → index Map (what the worker's message used to
 *    carry; deserialised in one block on the receiving thread); `sliced`: the packed string
 *    split, then the map rebuilt a slice per turn (item-index.ts). The longest synchronous
 *    block of each, timed directly; min and median over the runs (a loaded box inflates both).
 *
 *   npx tsx edge-server/bench/refresh-handover.ts [--runs 5] [--items 11688,20000,100000]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { emit } from './report.js';
import { INDEX_SLICE, packItemIds, unpackItemIds } from '../src/domains/recommend/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : d);
const RUNS = Number(arg('--runs', '5'));
const ITEMS = arg('--items', '11688,20000,100000').split(',').map(Number);
const ARTIFACT = `${ROOT}models/artifacts/current/model.onnx`;
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` and returns the longest event-loop delay seen from just before it until 30 ms after. */
async function loopMaxAround(fn: () => Promise<unknown>): Promise<{ loopMaxMs: number; wallMs: number }> {
  await sleep(50);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  await sleep(30);
  h.disable();
  return { loopMaxMs: round(h.max / 1e6), wallMs: round(wallMs) };
}

// ── Child mode: one hot swap in a fresh process ────────────────────────────────────────────────
if (args[0] === '--swap-child') {
  const ort = await import('onnxruntime-node');
  if (args[1] === 'warmed') {
    const { warmUpOnnxRuntime } = await import('../src/domains/recommend/index.js');
    await warmUpOnnxRuntime();
  }
  const bytes = readFileSync(ARTIFACT);
  const r = await loopMaxAround(async () => (await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 })).release());
  process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}

// ── 1. Hot swap: cold vs warmed, alternating, each in a fresh process ─────────────────────────
for (let run = 0; run < RUNS; run++) {
  for (const mode of ['cold', 'warmed'] as const) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'edge-server/bench/refresh-handover.ts', '--swap-child', mode], { cwd: ROOT, encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop() ?? '{}';
    emit({ bench: 'hot_swap_first_model', mode, run, load1: round(loadavg()[0]!), ...(JSON.parse(line) as object) });
  }
}

// ── 2. Refresh handover: cloned Map vs packed ids + sliced map ─────────────────────────────────
// Each synchronous block timed directly (the event loop runs nothing else meanwhile); the longest one is what a scan or till may wait.
const median = (v: number[]) => round([...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!);
for (const n of ITEMS) {
  const ids = Array.from({ length: n }, (_, k) => `product-${String(k * 7919).padStart(9, '0')}`);
  const cloned: number[] = [], sliced: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const message = serialize({ itemIds: ids, index: new Map(ids.map((id, k) => [id, k])) });
    await sleep(20);
    let t = performance.now();
    deserialize(message);
    cloned.push(performance.now() - t);
    const packed = serialize({ itemIds: packItemIds(ids) });
    await sleep(20);
    t = performance.now();
    const got = unpackItemIds((deserialize(packed) as { itemIds: string }).itemIds, n);
    let longest = performance.now() - t;
    // indexInSlices' own loop, with each slice timed.
    const index = new Map<string, number>();
    for (let start = 0; start < n; start += INDEX_SLICE) {
      await new Promise((r) => setImmediate(r));
      t = performance.now();
      for (let k = start; k < Math.min(n, start + INDEX_SLICE); k++) index.set(got[k]!, k);
      longest = Math.max(longest, performance.now() - t);
    }
    sliced.push(longest);
  }
  emit({ bench: 'refresh_handover_item_ids', items: n, runs: RUNS, load1: round(loadavg()[0]!), cloned_block_ms: { min: round(Math.min(...cloned)), median: median(cloned) }, sliced_longest_block_ms: { min: round(Math.min(...sliced)), median: median(sliced) } });
}
