import type { Config } from '../../platform/config/schema.js';
import { requestSerializer } from '../../platform/http/log-redaction.js';
import { listenUntilSignalled } from '../../platform/http/listen.js';
import type { StaffAccountsService } from '../../domains/auth/index.js';
import { buildHeadOfficeApp } from './app.js';

/**
 * server.ts hands over here when ROLE=headoffice: build head office's app, make the first admin
 * of an empty head office, listen, and close the ingest and the hub connection on a signal.
 */
export async function serveHeadOffice(
  config: Config,
  /** usecases/first-admin, handed in by server.ts (a role does not reach into a use case's files). */
  ensureFirstAdmin: (accounts: StaffAccountsService) => Promise<{ username: string; file: string } | undefined>,
): Promise<void> {
  const { app, services } = await buildHeadOfficeApp({
    config,
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.password'],
      serializers: { req: requestSerializer },
    },
  });
  const firstAdmin = await ensureFirstAdmin(services.staffAccounts);
  const port = await listenUntilSignalled(app, config.HOST, config.PORT, 'head office');
  const hub = config.HQ_NATS_URL ? `hub ${config.HQ_NATS_URL}` : 'no hub (HQ_NATS_URL unset: nothing is ingested or published)';
  console.log(`\nVitrina head office is up at http://localhost:${port}/console/ — ${hub}.`);
  if (firstAdmin) console.log(`First admin: ${firstAdmin.username}; the temporary password is in ${firstAdmin.file} (mode 0600).\n`);
}
