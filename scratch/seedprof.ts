import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeServices } from '../edge-server/src/compose.js';
import { loadConfig } from '../edge-server/src/platform/config/load.js';
import { seedDemoStoreIfEmpty } from '../edge-server/src/usecases/demo-store/seed.js';
const dataDir = mkdtempSync(join(tmpdir(), 'seedprof-'));
const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const });
const s = await composeServices({ config, secret: 'ab'.repeat(32), log: pino({ level: 'info' }), background: false });
const db = s.db as any;
let n = 0; const counts = new Map<string, number>();
const w = db.writer;
for (const k of ['run','get','all']) { const orig = w[k]; w[k] = (sql: string, p: any) => { n++; const key = sql.trim().slice(0,70); counts.set(key,(counts.get(key)??0)+1); return orig(sql,p); }; }
const t = Date.now();
await seedDemoStoreIfEmpty(s);
console.log('seed ms', Date.now() - t, 'writer statements', n);
console.log([...counts].sort((a,b)=>b[1]-a[1]).slice(0,22).map(([k,v])=>`${v}\t${k}`).join('\n'));
await s.close();
