/**
 * Server-side CPU per scan, for profiling: the demo store through the composed services, whole
 * keypad scans (`ScanService.identify`: card → loyalty → rank → offers → session → the writes
 * it awaits) back to back on one thread, nothing else running. Prints the p50/p99 wall time of a
 * scan and the CPU per scan (p50 of `process.cpuUsage` around each scan, and the mean);
 * `--profile <file>` writes a .cpuprofile of the measured scans only (no start-up, no warm-up),
 * to summarize with cpu-profile-summary.ts:
 *
 *   npx tsx edge-server/bench/scan-profile.ts --prepare > /tmp/store.json
 *   npx tsx edge-server/bench/scan-profile.ts --store /tmp/store.json [--scans 3000] [--cold] [--profile /tmp/scan.cpuprofile]
 *   npx tsx edge-server/bench/cpu-profile-summary.ts /tmp/scan.cpuprofile
 *
 * `--cold` forgets every shopper's cached rows before every scan (the store's settings, tiers
 * and campaigns stay cached): the first scan of a shopper whose rows are not in the cache (a
 * first visit, or the first scan after one of their receipts), lifecycle writes included.
 */
import { readFileSync, rmSync } from 'node:fs';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { prepareStore, type BenchStore } from './prepare-store.js';
import { measurePerCall } from './per-call.js';
import { emit, percentiles } from './report.js';

const SCANS = process.argv.includes('--scans') ? Number(process.argv[process.argv.indexOf('--scans') + 1]) : 3000;
// `--prepare` only builds the store and prints it (JSON); `--store <json file>` profiles that
// store without the seeding in the profile.
const storeArg = process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1]! : null;
const demo: BenchStore = storeArg ? JSON.parse(readFileSync(storeArg, 'utf8')) as BenchStore : await prepareStore(1, 0, 1);
if (process.argv.includes('--prepare')) {
  process.stdout.write(`${JSON.stringify(demo)}\n`);
  process.exit(0);
}
const config = loadConfig({}, { DATA_DIR: demo.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production', SCAN_RATE_PER_KIOSK: 10_000 });
const app = await composeServices({ config, secret: demo.secret, log: pino({ level: 'silent' }), background: false });
const kiosk = { id: demo.zones[0]!.kiosks[0]!.id, zone_id: demo.zones[0]!.id };
const scan = (i: number) => app.scan.identify(kiosk, demo.cards[(i * 7) % demo.cards.length]!, 'keypad');
const cold = process.argv.includes('--cold');
const profileFile = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1]! : null;
for (let i = 0; i < 300; i++) await scan(i); // warm-up: JIT, statement cache, SQLite pages
// --cold: per-shopper keys are `area:id`; the store's settings, tiers and campaigns stay cached,
// and so do offers' redemption totals (keyed by an offer list, forgotten by any redemption).
const STORE_WIDE_AREAS = ['promotions.offer-totals:'];
const forgetShoppers = () => {
  for (const key of app.db.cache.keys()) if (key.includes(':') && !STORE_WIDE_AREAS.some((a) => key.startsWith(a))) app.db.cache.forget(key);
};
const m = await measurePerCall(SCANS, scan, profileFile, cold ? forgetShoppers : undefined);
emit({
  bench: 'scan_profile', scans: SCANS, cold, ...percentiles(m.times),
  cpu_ms_per_scan_p50: Math.round(m.cpuP50Ms * 100) / 100, cpu_ms_per_scan: Math.round((m.cpuMs / SCANS) * 100) / 100, wall_ms_per_scan: Math.round((m.wallMs / SCANS) * 100) / 100,
});
await app.close();
if (!storeArg) rmSync(demo.dataDir, { recursive: true, force: true });
