import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { DemoSeed } from './seed-format.js';

export const SEED_FILE = fileURLToPath(new URL('../../../seed/demo-seed.json.gz', import.meta.url));

export function loadDemoSeed(file = SEED_FILE): DemoSeed {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as DemoSeed;
}
