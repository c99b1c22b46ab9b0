import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeServices } from './compose.js';
import { loadConfig } from './platform/config/load.js';
import { build } from './test-support/build.js';
import type { Database } from './platform/db/database.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const hashOf = async (db: Database, username: string) =>
  (await db.get<{ password_hash: string }>('SELECT password_hash FROM staff_users WHERE username = ?', [username]))?.password_hash;

describe('staff password cost', () => {
  it('is OWASP\'s scrypt cost in the store as the server composes it; only the test helper lowers it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitrina-compose-'));
    try {
      const config = loadConfig({}, { NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_SEED: false, LOG_LEVEL: 'silent' as const });
      const s = await composeServices({ config, secret: randomBytes(32).toString('hex'), log: quiet, background: false });
      await s.auth.createUser('owner', 'correct horse battery', 'admin');
      expect(await hashOf(s.db, 'owner')).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
      await s.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const t = await build();
    await t.services.auth.createUser('tester', 'correct horse battery', 'admin');
    expect(await hashOf(t.services.db, 'tester')).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
  });
});
