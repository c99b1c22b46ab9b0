/**
 * Which SQL statements one scan runs, and how many rows each returns: the demo store through the
 * composed services (as scan-profile.ts), every statement counted by wrapping the database's
 * `get`/`all`/`run` and each transaction's. After `--warmup` scans (default 300: every card of
 * the prepared store once, so the read cache holds them), `--scans` more are counted.
 *
 *   npx tsx edge-server/bench/scan-profile.ts --prepare > /tmp/store.json
 *   npx tsx edge-server/bench/scan-statements.ts /tmp/store.json [--warmup 300] [--scans 200]
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import type { Queryable } from '../src/platform/db/database.js';
import type { BenchStore } from './prepare-store.js';

const num = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const demo = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BenchStore;
const config = loadConfig({}, { DATA_DIR: demo.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', SCAN_RATE_PER_KIOSK: 10_000 });
const app = await composeServices({ config, secret: demo.secret, log: pino({ level: 'silent' }), background: false });
const kiosk = { id: demo.zones[0]!.kiosks[0]!.id, zone_id: demo.zones[0]!.id };
const scan = (i: number) => app.scan.identify(kiosk, demo.cards[(i * 7) % demo.cards.length]!, 'keypad');
for (let i = 0; i < num('--warmup', 300); i++) await scan(i);

const counts = new Map<string, { n: number; rows: number }>();
type Method = 'get' | 'all' | 'run';
function counted(target: Queryable, prefix: string): Record<Method, (sql: string, params?: unknown) => Promise<unknown>> {
  const wrap = (m: Method) => async (sql: string, params?: unknown) => {
    const result: unknown = await (target[m] as (s: string, p?: unknown) => Promise<unknown>).call(target, sql, params);
    const key = `${prefix}${m} ${sql.replace(/\s+/g, ' ').slice(0, 140)}`;
    const c = counts.get(key) ?? { n: 0, rows: 0 };
    c.n++;
    c.rows += Array.isArray(result) ? result.length : result ? 1 : 0;
    counts.set(key, c);
    return result;
  };
  return { get: wrap('get'), all: wrap('all'), run: wrap('run') };
}
const db = app.db;
const plain = { get: db.get.bind(db), all: db.all.bind(db), run: db.run.bind(db) };
Object.assign(db, counted(plain as unknown as Queryable, ''));
const transaction = db.transaction.bind(db);
Object.assign(db, {
  transaction: (fn: (tx: Queryable) => Promise<unknown>, opts?: Parameters<typeof transaction>[1]) => transaction((tx) => fn(Object.assign(Object.create(tx) as Queryable, counted(tx, 'TX '))), opts),
});

const SCANS = num('--scans', 200);
for (let i = 0; i < SCANS; i++) await scan(i);
await app.eventLog.flush();
let total = 0;
for (const [sql, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
  total += c.n;
  process.stdout.write(`${(c.n / SCANS).toFixed(2).padStart(6)} per scan ${(c.rows / c.n).toFixed(1).padStart(7)} rows  ${sql}\n`);
}
process.stdout.write(`${(total / SCANS).toFixed(2)} statements per scan (BEGIN/COMMIT not counted)\n`);
await app.close();
