/**
 * `npm run bench`: every benchmark in turn, each printing JSON lines; the exit code says
 * whether every budget was met. Pass `--only <name>` (one of the names below) to run one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const extra = process.argv.slice(2).filter((a, i, all) => a !== '--only' && all[i - 1] !== '--only');

const BENCHES = [
  { name: 'scan', file: 'edge-server/bench/scan-load.ts' },
  { name: 'scoring', file: 'edge-server/bench/scoring.ts' },
  { name: 'refresh', file: 'edge-server/bench/refresh-load.ts' },
  { name: 'import', file: 'edge-server/bench/import.ts' },
  { name: 'seed', file: 'edge-server/bench/seed.ts' },
  { name: 'commerceml', file: 'edge-server/bench/commerceml.ts' },
  { name: 'members', file: 'edge-server/bench/members.ts' },
  { name: 'kiosk-paint', file: 'edge-server/bench/kiosk-paint.ts' },
  { name: 'chain', file: 'edge-server/bench/chain.ts' },
  { name: 'engine', file: 'edge-server/bench/engine.ts' },
  { name: 'busy', file: 'edge-server/bench/busy-store.ts' },
  { name: 'export', file: 'edge-server/bench/export.ts' },
  { name: 'signage', file: 'edge-server/bench/signage-publish.ts' },
];

let failures = 0;
for (const b of BENCHES) {
  if (only && b.name !== only) continue;
  if (!existsSync(`${ROOT}${b.file}`)) {
    process.stdout.write(`${JSON.stringify({ bench: b.name, pass: false, reason: `${b.file} not found` })}\n`);
    failures++;
    continue;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.file, ...(only ? extra : [])], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
process.exit(failures === 0 ? 0 : 1);
