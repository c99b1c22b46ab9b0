import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEdgeServer } from '../src/test-support/server-process.js';
import { SERVER_ENV, STORE_TEMPLATE_ENV } from './server.js';

/**
 * Seeds the demo store once for the whole run, outside any test's time budget: the real server
 * seeds an empty DATA_DIR on first boot (minutes on a slow machine), then is stopped, and every
 * spec's server starts on a copy of that folder (a restart on a seeded store takes seconds).
 * Returns the global teardown, which removes the template.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-e2e-template-'));
  const removeTemplate = () => rmSync(dir, { recursive: true, force: true });
  try {
    console.log('Seeding the demo store once for the e2e run…');
    const started = Date.now();
    // Generous: a busy CI box may take several minutes to seed.
    const server = await spawnEdgeServer({ dataDir: dir, env: SERVER_ENV, timeoutMs: 10 * 60_000, quiet: true });
    // SIGTERM lets the server close SQLite cleanly (WAL checkpointed into vitrina.sqlite), so a
    // plain copy of the folder is a consistent store.
    await server.stop();
    if (server.child.exitCode !== 0) throw new Error(`the seeding server exited with ${server.child.exitCode ?? server.child.signalCode}`);
    if (!existsSync(join(dir, 'demo.json'))) throw new Error('the seeding server left no demo.json');
    console.log(`Demo store seeded in ${Math.round((Date.now() - started) / 1000)} s.`);
  } catch (err) {
    removeTemplate();
    throw err;
  }
  process.env[STORE_TEMPLATE_ENV] = dir;
  return removeTemplate;
}
