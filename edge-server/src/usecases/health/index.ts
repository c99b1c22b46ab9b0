import fp from 'fastify-plugin';
import { Health } from '@vitrina/contracts';
import { currentVersion } from '../../platform/db/migrate.js';

const VERSION = '0.1.0';

/** GET /api/health: what a technician checks first. 200 while the database answers. */
export default fp(
  async (app) => {
    app.get('/api/health', { schema: { tags: ['health'], response: { 200: Health } } }, async () => {
      const [migration, customers, devices] = await Promise.all([currentVersion(app.db), app.customers.count(), app.devices.connectedCounts()]);
      const model = app.recommend.health();
      const scanner = app.scanner.status();
      return {
        status: model.status === 'loaded' && scanner.status !== 'unavailable' ? ('ok' as const) : ('degraded' as const),
        version: VERSION,
        uptimeS: Math.round(process.uptime()),
        database: { ok: true, migration, customers },
        model,
        scanner,
        devices,
      };
    });
  },
  { name: 'health', dependencies: ['db', 'customers', 'devices', 'recommend', 'scanner'] },
);
