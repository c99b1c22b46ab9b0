import type { FastifyInstance } from 'fastify';

/**
 * Listens, and closes the app on the first SIGINT/SIGTERM (exit 0; exit 1 if closing takes more
 * than 10 s). Returns the bound port, not the configured one: PORT=0 lets the OS choose (tests,
 * benches). One place for both process roles (store `server.ts`, head office `roles/headoffice/serve.ts`).
 */
export async function listenUntilSignalled(app: FastifyInstance, host: string, port: number, what: string): Promise<number> {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, `${what} shutting down`);
      const timer = setTimeout(() => process.exit(1), 10_000).unref();
      await app.close();
      clearTimeout(timer);
      process.exit(0);
    });
  }
  await app.listen({ host, port });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}
