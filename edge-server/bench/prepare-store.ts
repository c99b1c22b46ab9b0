/**
 * Prepares a bench store in a temp folder through the store's real services: the demo seed (real
 * Complete Journey shoppers), then `kiosks` kiosks and `screens` screens spread over zones,
 * paired with known ids so the server can bind a simulated scanner to each kiosk.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { composeServices } from '../src/compose.js';
import { loadConfig } from '../src/platform/config/load.js';
import { seedDemoStoreIfEmpty } from '../src/usecases/demo-store/seed.js';
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { loadDemoSeed } from '../src/usecases/demo-store/load-seed.js';

export interface BenchStore {
  dataDir: string;
  secret: string;
  zones: Array<{ id: string; kiosks: Array<{ id: string; token: string }>; screens: Array<{ id: string; token: string }> }>;
  cards: string[];
}

export async function prepareStore(kiosks: number, screens: number, zones: number): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-bench-'));
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const app = await composeServices({ config, secret, log: pino({ level: 'silent' }), background: false });
  await seedDemoStoreIfEmpty(app);
  const store: BenchStore = { dataDir, secret, zones: [], cards: [] };
  for (let z = 0; z < zones; z++) {
    const zoneId = `bench-zone-${z + 1}`;
    await app.devices.upsertZone(zoneId, `Bench zone ${z + 1}`);
    store.zones.push({ id: zoneId, kiosks: [], screens: [] });
  }
  for (let k = 0; k < kiosks; k++) {
    const zone = store.zones[k % zones]!;
    const id = `bench-kiosk-${k + 1}`;
    const { token } = await app.devices.pairWithId(id, { kind: 'kiosk', name: id, zoneId: zone.id });
    zone.kiosks.push({ id, token });
  }
  for (let s = 0; s < screens; s++) {
    const zone = store.zones[s % zones]!;
    const id = `bench-screen-${s + 1}`;
    const { token } = await app.devices.pairWithId(id, { kind: 'screen', name: id, zoneId: zone.id });
    zone.screens.push({ id, token });
  }
  store.cards = loadDemoSeed().households.map((_, i) => demoCardNumber(i));
  await app.close();
  return store;
}
