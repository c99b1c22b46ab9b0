// `npm test`: unit + integration tests (Vitest), then browser end-to-end tests (Playwright,
// system Chromium). Installs what is missing first (Chromium, nats-server for the chain tests);
// fails clearly when one cannot be had.
import { ensureAppsBuilt, ensureChromium, ensureNatsServer, ensureNodeModules, log, ROOT } from './lib/setup.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

ensureNodeModules();
if (!ensureChromium()) process.exit(1);
if (!ensureNatsServer()) process.exit(1);
ensureAppsBuilt();

const RESULTS = join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });
// Reports of an earlier run must not stand in for a runner that crashed before writing its own.
for (const f of ['vitest.json', 'playwright.json']) rmSync(join(RESULTS, f), { force: true });
const VITEST_JSON = join(RESULTS, 'vitest.json');
const PLAYWRIGHT_JSON = join(RESULTS, 'playwright.json');

const steps = [
  ['unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`]],
  ['browser end-to-end tests', 'npx', ['playwright', 'test', '--config', 'edge-server/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON }],
];
let failed = 0;
for (const [name, cmd, args, env = {}] of steps) {
  log(`${name}…`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...env } });
  if (r.status !== 0) {
    failed++;
    log(`${name} FAILED (exit ${r.status})`);
  }
}
// One plain closing line over both runners, read from their JSON reports.
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const v = readJson(VITEST_JSON);
const p = readJson(PLAYWRIGHT_JSON);
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0);
const failedTests = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
console.log(`\n${passed} passed, ${failedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && failedTests === 0 && passed > 0 ? 0 : 1);
