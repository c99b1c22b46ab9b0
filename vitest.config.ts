import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', 'models/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'edge-server/e2e/**'],
    pool: 'forks',
    // Upper bounds for a stuck test, not budgets: a test that spawns a CLI or a server took more
    // than 30 s at load average 20 on 2 cores. No test waits for time; they wait for states.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
