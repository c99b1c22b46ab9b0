import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', 'models/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'edge-server/e2e/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
