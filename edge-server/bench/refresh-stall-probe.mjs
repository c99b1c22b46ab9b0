/**
 * A diagnostic preload for finding stalls (bench/profiles/training.md): load it into every Node
 * process of a bench run with
 *
 *   NODE_OPTIONS="--import $PWD/edge-server/bench/refresh-stall-probe.mjs" npx tsx edge-server/bench/busy-store.ts --scenarios b,d --seconds 20 2> probe.log
 *
 * and the edge server writes JSON lines to stderr, each with `t` (wall-clock ms): event-loop
 * stalls (a 5 ms timer late by ≥ PROBE_STALL_MS, default 40) and each second's loop p99/max when
 * it had one; every till receipt (POST /api/v1/receipts) and every SQLite call slower than
 * PROBE_SLOW_MS (default 100) with its start; worker threads started, answering and ended;
 * child processes forked (the training child), each message they send (phases, the decision)
 * and the nice value of each of their threads. The training child logs its own start and exit
 * too, but its stderr goes to the server (run-training.ts keeps the tail for errors). It changes
 * nothing the server does; in any other process it does nothing. Plain JavaScript so it loads
 * before tsx.
 */
import { isMainThread } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const STALL_MS = Number(process.env.PROBE_STALL_MS ?? 40);
const SLOW_MS = Number(process.env.PROBE_SLOW_MS ?? 100);
const script = process.argv[1] ?? '';
const role = script.endsWith('/src/server.ts') ? 'server' : script.endsWith('train-job.ts') ? 'train-child' : null;
const out = (o) => process.stderr.write(`${JSON.stringify({ probe: role, t: Date.now(), ...o })}\n`);

/** Nice value → thread count of a process's threads (Linux: priority is per thread). */
function niceOf(pid) {
  const fs = process.getBuiltinModule?.('node:fs');
  if (!fs) return null;
  const counts = {};
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const nice = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16];
      counts[nice] = (counts[nice] ?? 0) + 1;
    }
  } catch { return null; }
  return counts;
}

if (role && isMainThread) {
  const born = Date.now();
  out({ ev: 'process start', pid: process.pid });

  // Event-loop stalls: a 5 ms timer that fires late by STALL_MS or more.
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 5;
    if (late >= STALL_MS) out({ ev: 'loop stall', ms: Math.round(late), from: Math.round(Date.now() - late) });
    last = now;
  }, 5).unref();
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  setInterval(() => {
    if (h.max / 1e6 >= STALL_MS) out({ ev: 'loop 1s', p99: Math.round(h.percentile(99) / 1e6), max: Math.round(h.max / 1e6) });
    h.reset();
  }, 1000).unref();

  if (role === 'server') {
    const http = await import('node:http');
    const emit = http.Server.prototype.emit;
    http.Server.prototype.emit = function (ev, req, res) {
      if (ev === 'request' && req.method === 'POST' && req.url?.startsWith('/api/v1/receipts')) {
        const t0 = Date.now(), p0 = performance.now();
        res.once('finish', () => {
          const ms = performance.now() - p0;
          if (ms >= SLOW_MS) out({ ev: 'slow receipt', ms: Math.round(ms), from: t0, status: res.statusCode });
        });
      }
      return emit.apply(this, arguments);
    };
    // Named imports of builtins see these replacements once syncBuiltinESMExports() ran.
    const wt = await import('node:worker_threads');
    const Base = wt.default.Worker;
    wt.default.Worker = class ProbedWorker extends Base {
      constructor(...args) {
        super(...args);
        const id = this.threadId;
        out({ ev: 'worker start', threadId: id });
        this.once('exit', (code) => out({ ev: 'worker exit', threadId: id, code }));
        this.on('message', (m) => out({ ev: 'worker message', threadId: id, type: m?.type, readMs: m?.readMs && Math.round(m.readMs), buildMs: m?.buildMs && Math.round(m.buildMs) }));
      }
    };
    const cp = await import('node:child_process');
    const fork = cp.default.fork;
    cp.default.fork = function (...args) {
      const child = fork.apply(this, args);
      out({ ev: 'fork', file: String(args[0]).split('/').pop(), pid: child.pid });
      child.on('message', (m) => out({ ev: 'child message', type: m?.type, phase: m?.phase, outcome: m?.record?.outcome, served: m?.record?.served?.name ?? m?.record?.served?.version, nice: niceOf(child.pid) }));
      setTimeout(() => out({ ev: 'child threads', nice: niceOf(child.pid) }), 1500).unref();
      child.once('exit', (code) => out({ ev: 'child exit', pid: child.pid, code }));
      return child;
    };
    (await import('node:module')).syncBuiltinESMExports();
    // Every SQLite call slower than SLOW_MS from call to callback (lock waits, fsyncs, a full thread pool).
    const { createRequire } = await import('node:module');
    const sqlite3 = createRequire(import.meta.url)('sqlite3');
    const wrap = (proto, name, label) => {
      const orig = proto[name];
      proto[name] = function (...args) {
        const cb = args.findIndex((a) => typeof a === 'function');
        if (cb < 0) return orig.apply(this, args);
        const t0 = Date.now(), p0 = performance.now();
        const sql = String(label === 'db' ? args[0] : this.sql ?? '?').replace(/\s+/g, ' ').slice(0, 70);
        const inner = args[cb];
        args[cb] = function (...r) {
          const ms = performance.now() - p0;
          if (ms >= SLOW_MS) out({ ev: 'slow sqlite', on: label, call: name, ms: Math.round(ms), from: t0, sql });
          return inner.apply(this, r);
        };
        return orig.apply(this, args);
      };
    };
    for (const m of ['run', 'get', 'all', 'exec']) wrap(sqlite3.Database.prototype, m, 'db');
    for (const m of ['run', 'get', 'all']) wrap(sqlite3.Statement.prototype, m, 'stmt');
  } else {
    out({ ev: 'child loaded', sinceStartMs: Date.now() - born });
    const send = process.send?.bind(process);
    if (send) {
      process.send = (msg, ...rest) => {
        out({ ev: 'child says', type: msg?.type, phase: msg?.phase });
        return send(msg, ...rest);
      };
    }
    process.once('exit', (code) => out({ ev: 'child exiting', code, cpuMs: Math.round(process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000) }));
  }
}
