import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
const demo = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const config = loadConfig({}, { DATA_DIR: demo.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', SCAN_RATE_PER_KIOSK: 10_000 });
const app = await composeServices({ config, secret: demo.secret, log: pino({ level: 'silent' }), background: false });
const kiosk = { id: demo.zones[0]!.kiosks[0]!.id, zone_id: demo.zones[0]!.id };
const scan = (i: number) => app.scan.identify(kiosk, demo.cards[(i * 7) % demo.cards.length]!, 'keypad');
for (let i = 0; i < 50; i++) await scan(i);
const counts = new Map<string, { n: number; rows: number }>();
const db = app.db as any;
for (const m of ['get', 'all', 'run']) {
  const orig = db[m].bind(db);
  db[m] = async (sql: string, p: unknown) => { const r = await orig(sql, p); const k = `${m} ${sql.replace(/\s+/g, ' ').slice(0, 140)}`; const c = counts.get(k) ?? { n: 0, rows: 0 }; c.n++; c.rows += Array.isArray(r) ? r.length : r ? 1 : 0; counts.set(k, c); return r; };
}
const origTx = db.transaction.bind(db);
db.transaction = (fn: any, o: any) => origTx((tx: any) => { const w = { ...tx }; for (const m of ['get', 'all', 'run']) { w[m] = async (sql: string, p: unknown) => { const r = await tx[m](sql, p); const k = `TX ${m} ${sql.replace(/\s+/g, ' ').slice(0, 140)}`; const c = counts.get(k) ?? { n: 0, rows: 0 }; c.n++; c.rows += Array.isArray(r) ? r.length : r ? 1 : 0; counts.set(k, c); return r; }; } return fn(w); }, o);
const N = 200;
for (let i = 0; i < N; i++) await scan(i);
await app.eventLog.flush();
let total = 0;
for (const [k, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) { total += c.n; console.log((c.n / N).toFixed(2).padStart(6), (c.rows / c.n).toFixed(1).padStart(7), k); }
console.log('total per scan', total / N);
await app.close();
