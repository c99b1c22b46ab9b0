import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { buildApp, type App } from '../app.js';
import type { Services } from '../compose.js';
import { loadConfig } from '../platform/config/load.js';
import type { Config } from '../platform/config/schema.js';

export interface TestApp {
  app: App;
  /** The composed services of that app (the same instances its routes call). */
  services: Services;
  dataDir: string;
  secret: string;
  /** Bearer header of a freshly created staff user with this role. */
  staffHeaders(role?: 'admin' | 'marketer' | 'staff'): Promise<{ authorization: string }>;
}

/**
 * Builds the real app on a real SQLite file in a fresh temp folder (fastify/demo's build(t)).
 * Closed and deleted when the calling test finishes.
 */
/** The smallest scrypt the hash format accepts (N = 2^10): tests sign in hundreds of times. */
export const TEST_PASSWORD_COST = { log2N: 10, r: 8, p: 1 };

export async function build(overrides: Partial<Config> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-test-'));
  const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const, ...overrides });
  const secret = randomBytes(32).toString('hex');
  // Real scrypt at a cheap cost: the production cost is proven in passwords.test.ts and compose.test.ts.
  const { app, services } = await buildApp({ config, secret, passwordCost: TEST_PASSWORD_COST });
  await app.ready();
  onTestFinished(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let n = 0;
  return {
    app,
    services,
    dataDir,
    secret,
    async staffHeaders(role = 'admin') {
      const username = `${role}-${++n}-${randomBytes(3).toString('hex')}`;
      await services.auth.createUser(username, 'correct horse battery', role);
      const { token } = await services.auth.login(username, 'correct horse battery');
      return { authorization: `Bearer ${token}` };
    },
  };
}
