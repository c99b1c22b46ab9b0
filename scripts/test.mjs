// `npm test`: unit + integration tests (Vitest), then browser end-to-end tests (Playwright,
// system Chromium). Installs what is missing first; fails clearly when Chromium cannot be had.
import { ensureAppsBuilt, ensureChromium, ensureNodeModules, log, ROOT } from './lib/setup.mjs';
import { spawnSync } from 'node:child_process';

ensureNodeModules();
if (!ensureChromium()) process.exit(1);
ensureAppsBuilt();

const steps = [
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['browser end-to-end tests', 'npx', ['playwright', 'test', '--config', 'edge-server/e2e/playwright.config.ts']],
];
let failed = 0;
for (const [name, cmd, args] of steps) {
  log(`${name}…`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  if (r.status !== 0) {
    failed++;
    log(`${name} FAILED (exit ${r.status})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
