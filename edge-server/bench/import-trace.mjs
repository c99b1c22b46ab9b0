/**
 * Preloaded into the edge server by `bench/busy-store.ts --server-trace <dir>` (NODE_OPTIONS
 * `--import`): records, with the wall clock, every write through the database's queue
 * (`vitrina:db:write`: lane, wait, hold, caller), every background checkpoint (`vitrina:db:checkpoint`), every chunk a receipts import commits
 * (`vitrina:import:chunk`), every till receipt's timings (`vitrina:till:receipt`) and its time
 * in the server (node's `http.server.*` channels), and the main thread's event-loop delay per second
 * (`monitorEventLoopDelay`), and writes them to `<dir>/server-trace.jsonl` when the process
 * exits, with a CPU profile of the whole process (`<dir>/server.cpuprofile`: `--cpu-prof` is not
 * allowed in NODE_OPTIONS, so the inspector's profiler, whose in-process calls answer
 * synchronously). `bench/import-trace-summary.ts` cuts the trace into the bench's scenario windows;
 * `bench/cpu-profile-summary.ts` reads the profile.
 */
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Session } from 'node:inspector';

const dir = process.env.VITRINA_SERVER_TRACE_DIR;
if (dir) {
  const records = [];
  subscribe('vitrina:db:write', (w) => records.push({ t: Date.now(), k: 'write', ...w }));
  subscribe('vitrina:db:checkpoint', (c) => records.push({ t: Date.now(), k: 'checkpoint', ...c }));
  subscribe('vitrina:import:chunk', (c) => records.push({ t: Date.now(), k: 'chunk', ...c }));
  subscribe('vitrina:till:receipt', (r) => records.push({ t: Date.now(), k: 'receipt', ...r }));
  // A till's receipt from the request's first byte to its answer's last, inside the server.
  const started = new WeakMap();
  subscribe('http.server.request.start', ({ request }) => { if (request.method === 'POST' && request.url === '/api/v1/receipts') started.set(request, performance.now()); });
  subscribe('http.server.response.finish', ({ request }) => {
    const t0 = started.get(request);
    if (t0 !== undefined) records.push({ t: Date.now(), k: 'till-http', ms: performance.now() - t0 });
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const tick = setInterval(() => {
    // The kernel's dirty and in-writeback page cache (kB): a write stall under a checkpoint's fsync shows here.
    const mem = readFileSync('/proc/meminfo', 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(mem)?.[1] ?? NaN);
    records.push({ t: Date.now(), k: 'loop', p50Ms: loop.percentile(50) / 1e6, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6, dirtyKb: kb('Dirty'), writebackKb: kb('Writeback') });
    loop.reset();
  }, 1000);
  tick.unref();
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    writeFileSync(`${dir}/server-trace.jsonl`, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    session.post('Profiler.stop', (err, result) => { if (!err) writeFileSync(`${dir}/server.cpuprofile`, JSON.stringify(result.profile)); });
  });
}
