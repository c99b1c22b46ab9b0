import { pino } from 'pino';
import { composeServices, type Services } from '../../compose.js';
import { loadConfig } from '../../platform/config/load.js';
import type { Config } from '../../platform/config/schema.js';
import { loadSecret } from '../../platform/config/secret.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/**
 * Every import command's frame: the store's services from the environment (no timers), the work,
 * a refused file reported as `CODE: message` on stderr with exit 1, and the store closed.
 */
export async function withStore(work: (store: Services, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const store = await composeServices({ config, secret: loadSecret(config), log: pino({ level: 'warn' }, process.stderr), background: false });
  try {
    await work(store, config);
  } catch (err) {
    if (!(err instanceof VitrinaError)) throw err;
    process.stderr.write(`${err.code}: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
