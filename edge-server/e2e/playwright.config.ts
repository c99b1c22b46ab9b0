import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser end-to-end tests in the system Chromium (Playwright cannot download its own here).
 * globalSetup seeds the demo store once (it may take minutes; no test waits for it); each spec
 * then starts its own real edge server process on a copy of it (see server.ts). Screenshots
 * are kept under test-results/ as artifacts.
 *
 * Tests wait for states, never for wall-clock time; timers inside the pages are driven with
 * page.clock where a test is about them. The timeouts below are only upper bounds for a stuck
 * test, sized for a busy 2-core machine.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
