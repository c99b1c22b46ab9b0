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
import { countStatements, printStatements } from './per-call.js';
import type { BenchStore } from './prepare-store.js';

const num = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const demo = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BenchStore;
const config = loadConfig({}, { DATA_DIR: demo.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', SCAN_RATE_PER_KIOSK: 10_000 });
const app = await composeServices({ config, secret: demo.secret, log: pino({ level: 'silent' }), background: false });
const kiosk = { id: demo.zones[0]!.kiosks[0]!.id, zone_id: demo.zones[0]!.id };
const scan = (i: number) => app.scan.identify(kiosk, demo.cards[(i * 7) % demo.cards.length]!, 'keypad');
for (let i = 0; i < num('--warmup', 300); i++) await scan(i);

const counts = countStatements(app.db);

const SCANS = num('--scans', 200);
for (let i = 0; i < SCANS; i++) await scan(i);
await app.eventLog.flush();
printStatements(counts, SCANS, 'scan');
await app.close();
