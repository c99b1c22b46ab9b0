import { loadConfig, ConfigError } from './platform/config/load.js';
import { loadSecret } from './platform/config/secret.js';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { composeServices } from './compose.js';
import { requestSerializer } from './platform/http/log-redaction.js';
import { listenUntilSignalled } from './platform/http/listen.js';
import { demoSeedNeeded, seedDemoStoreIfEmpty } from './usecases/demo-store/seed.js';
import { ensureFirstAdmin, type FirstAdmin } from './usecases/first-admin/first-admin.js';
import { demoBanner, type DemoFile } from './demo-banner.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveHeadOffice } from './roles/headoffice/index.js';
import { setProcessNiceness } from './platform/process/niceness.js';

/** The process entry: logger, config, demo seed, listen, graceful shutdown. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  // The same codebase as the chain's head office: its own database, API and console pages.
  if (config.ROLE === 'headoffice') return serveHeadOffice(config, (accounts) => ensureFirstAdmin(accounts, config.DATA_DIR));
  // Before the server starts threads of its own: they inherit it (the store box's other work must not delay a scan).
  const priority = setProcessNiceness(config.SERVER_NICENESS);
  const secret = loadSecret(config);
  // The demo store is seeded through the store's own services, before the serving app is built, so that
  // everything wired at boot (scanner bindings, model aggregates) sees the seeded store.
  let seededNow = false;
  if (config.DEMO_SEED && (await demoSeedNeeded(config.DATA_DIR))) {
    const log = pino({ level: config.LOG_LEVEL });
    const seeder = await composeServices({ config, secret, log, background: false });
    seededNow = await seedDemoStoreIfEmpty(seeder);
    await seeder.close();
  }
  const { app, services } = await buildApp({
    config,
    secret,
    logger: {
      level: config.LOG_LEVEL,
      // Tokens and card numbers must never reach the logs.
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.code', '*.password'],
      serializers: { req: requestSerializer },
    },
  });
  if (priority.ok) app.log.info({ niceness: priority.niceness, threads: priority.threads }, 'process priority set');
  else app.log.warn({ niceness: priority.niceness, reason: priority.reason }, 'process priority not set (needs root or CAP_SYS_NICE below 0; the systemd unit sets Nice=-5): scans may wait behind other busy work on this box');
  // An empty store (DEMO_SEED=false) gets its first admin, with a temporary password, on its first start.
  const firstAdmin = await ensureFirstAdmin(services.staffAccounts, config.DATA_DIR);
  app.server.requestTimeout = 30_000;
  app.server.headersTimeout = 35_000;

  const port = await listenUntilSignalled(app, config.HOST, config.PORT, 'edge server');
  printDemoLinks(config.DATA_DIR, port, seededNow);
  if (firstAdmin) printFirstAdmin(firstAdmin, port);
}

/** The first admin of an empty store: the password only on a terminal, the file's place always. */
function printFirstAdmin(admin: FirstAdmin, port: number) {
  const where = `${admin.file} (mode 0600)`;
  const password = process.stdout.isTTY === true ? `, temporary password ${admin.temporaryPassword}` : `; the temporary password is in ${where}`;
  console.log(`\nVitrina store is up at http://localhost:${port}/console/ — sign in as ${admin.username}${password}. It must be changed at the first sign-in.\n`);
}

/** On a demo store, tell the person at the terminal where to click; secrets only as demo-banner.ts allows. */
function printDemoLinks(dataDir: string, port: number, firstRun: boolean) {
  const demoFile = join(dataDir, 'demo.json');
  const demo = existsSync(demoFile) ? (JSON.parse(readFileSync(demoFile, 'utf8')) as DemoFile) : undefined;
  const banner = demoBanner({ demo, demoFile, port, tty: process.stdout.isTTY === true, firstRun });
  if (banner) console.log(banner);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
