/**
 * What the profiling scripts (scan-profile.ts, till-profile.ts, scan-statements.ts) measure per
 * call of the thing they profile: its wall time and CPU one call at a time, with an optional
 * CPU profile of the measured calls only; and which SQL statements it runs, counted by wrapping
 * the database's `get`/`all`/`run` and each transaction's.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Database, Queryable } from '../src/platform/db/database.js';

export interface PerCall {
  /** Wall time of each call, ms. */
  times: number[];
  /** CPU of each call, ms (`process.cpuUsage`: every thread of the process, the thread pool's too). */
  cpuTimes: number[];
  wallMs: number;
  cpuMs: number;
  cpuP50Ms: number;
}

/** Runs `call(i)` `n` times one after another; `profileFile`: a .cpuprofile of these calls only. */
export async function measurePerCall(n: number, call: (i: number) => Promise<unknown>, profileFile: string | null, before?: () => void): Promise<PerCall> {
  const session = profileFile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const times: number[] = [], cpuTimes: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    before?.();
    const c = process.cpuUsage();
    const s = performance.now();
    await call(i);
    times.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile!, JSON.stringify(profile));
    session.disconnect();
  }
  const cpuP50Ms = [...cpuTimes].sort((a, b) => a - b)[Math.floor(cpuTimes.length / 2)]!;
  return { times, cpuTimes, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, cpuP50Ms };
}

/**
 * From now on every statement `db` runs is counted by its SQL (the first `width` characters,
 * whitespace folded) and the rows it returned; statements inside a transaction are keyed `TX …`.
 */
export function countStatements(db: Database, width = 140): Map<string, { n: number; rows: number }> {
  const counts = new Map<string, { n: number; rows: number }>();
  type Method = 'get' | 'all' | 'run';
  const counted = (target: Queryable, prefix: string) => {
    const wrap = (m: Method) => async (sql: string, params?: unknown) => {
      const result: unknown = await (target[m] as (s: string, p?: unknown) => Promise<unknown>).call(target, sql, params);
      const key = `${prefix}${m} ${sql.replace(/\s+/g, ' ').slice(0, width)}`;
      const c = counts.get(key) ?? { n: 0, rows: 0 };
      c.n++;
      c.rows += Array.isArray(result) ? result.length : result ? 1 : 0;
      counts.set(key, c);
      return result;
    };
    return { get: wrap('get'), all: wrap('all'), run: wrap('run') };
  };
  Object.assign(db, counted({ get: db.get.bind(db), all: db.all.bind(db), run: db.run.bind(db) } as unknown as Queryable, ''));
  const transaction = db.transaction.bind(db);
  Object.assign(db, {
    transaction: (fn: (tx: Queryable) => Promise<unknown>, opts?: Parameters<typeof transaction>[1]) => transaction((tx) => fn(Object.assign(Object.create(tx) as Queryable, counted(tx, 'TX '))), opts),
  });
  return counts;
}

/** The counted statements, most frequent first, per `unit` (a scan, a receipt) of `calls`. */
export function printStatements(counts: Map<string, { n: number; rows: number }>, calls: number, unit: string): void {
  let total = 0, inTx = 0;
  for (const [sql, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
    total += c.n;
    if (sql.startsWith('TX ')) inTx += c.n;
    process.stdout.write(`${(c.n / calls).toFixed(2).padStart(6)} per ${unit} ${(c.rows / c.n).toFixed(1).padStart(7)} rows  ${sql}\n`);
  }
  process.stdout.write(`${(total / calls).toFixed(2)} statements per ${unit}, ${(inTx / calls).toFixed(2)} inside a transaction (BEGIN/COMMIT not counted)\n`);
}
