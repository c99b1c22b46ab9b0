/**
 * Probe `scan-flood-memory`: 20,000 scans of card numbers nobody holds, fed as HID reports into
 * the demo kiosk's simulated scanner (each one mints an enroll token and a kiosk:unknown-card
 * event). Asserts: no scan is refused with a 5xx, and the server's memory after the flood (RSS and
 * heap, from /api/metrics, each read after a full GC) grows less than 20 MB over the warmed-up baseline:
 * per-card state is bounded.
 */
import { encodeHidPosReports } from '../src/platform/scanner/index.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { connectDevice } from '../src/test-support/sockets.js';
import { alive, report, sleep, startStore } from './harness.js';

const SCANS = 20_000, WARMUP = 1_000, BOUND_MB = 20, IN_FLIGHT = 16;

/**
 * Preloaded into the server: a full GC on SIGUSR2, so "before" and "after" compare live memory,
 * not how much garbage happened to be waiting for collection (that alone swings ±20 MB).
 */
const GC_ON_SIGNAL = `import v8 from 'node:v8'; import vm from 'node:vm';
v8.setFlagsFromString('--expose-gc'); const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => gc());`;

const kioskId = 'kiosk-entrance';
const store = await startStore({
  SCANNERS: JSON.stringify([{ kioskId, path: `sim:${kioskId}`, layout: 'hid-pos' }]),
  // The flood is far above a real kiosk's lookup limit: this probe is about memory, not the throttle.
  SCAN_RATE_PER_KIOSK: '10000',
  LOG_LEVEL: 'warn',
  NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(GC_ON_SIGNAL)}`,
});
const token = store.demo.devices.find((d) => d.id === kioskId)!.token;
const kiosk = await connectDevice(store.url, '/kiosk', token);
let unknownEvents = 0;
kiosk.on('kiosk:unknown-card', () => unknownEvents++);

let fiveXx = 0, other = 0;
async function flood(from: number, count: number) {
  let next = from;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < from + count) {
      const reports = encodeHidPosReports(demoCardNumber(10_000_000 + next++), ']E0').map((r) => [...r]);
      const r = await fetch(`${store.url}/api/v1/dev/scanners/${kioskId}/reports`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ reports }),
      });
      await r.arrayBuffer();
      if (r.status >= 500) fiveXx++; else if (r.status !== 202) other++;
    }
  }));
}
const memory = async () => {
  store.server.child.kill('SIGUSR2');
  await sleep(1000);
  return (await (await fetch(`${store.url}/api/metrics`)).json()) as { rssMb: number; heapUsedMb: number };
};

await flood(0, WARMUP); // JIT, caches and pools reach their working size first
await sleep(1000);
const before = await memory();
const started = Date.now();
await flood(WARMUP, SCANS);
const seconds = (Date.now() - started) / 1000;
await sleep(2000);
const after = await memory();
kiosk.close();
const survived = alive(store.server);
await store.close();

const rssGrowth = Math.round((after.rssMb - before.rssMb) * 10) / 10, heapGrowth = Math.round((after.heapUsedMb - before.heapUsedMb) * 10) / 10;
report('scan-flood-memory', fiveXx === 0 && other === 0 && survived && rssGrowth < BOUND_MB && heapGrowth < BOUND_MB, {
  scans: SCANS, seconds: Math.round(seconds), scans_per_s: Math.round(SCANS / seconds), unknown_card_events: unknownEvents, responses_5xx: fiveXx, other_refusals: other,
  rss_mb_before: before.rssMb, rss_mb_after: after.rssMb, rss_growth_mb: rssGrowth, heap_mb_before: before.heapUsedMb, heap_mb_after: after.heapUsedMb, heap_growth_mb: heapGrowth, bound_mb: BOUND_MB,
});
