import { loadConfig, ConfigError } from './config/load.js';
import { loadSecret } from './config/secret.js';
import { buildApp } from './app.js';
import { seedDemoStoreIfEmpty } from './demo/seed.js';

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
  const app = await buildApp({
    config,
    secret: loadSecret(config),
    logger: {
      level: config.LOG_LEVEL,
      // Tokens and card numbers must never reach the logs.
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.code', '*.password'],
    },
  });
  app.server.requestTimeout = 30_000;
  app.server.headersTimeout = 35_000;

  if (config.DEMO_SEED) await seedDemoStoreIfEmpty(app);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const timer = setTimeout(() => process.exit(1), 10_000).unref();
      await app.close();
      clearTimeout(timer);
      process.exit(0);
    });
  }
  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
