import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Database } from '../../platform/db/database.js';
import { currentVersion } from '../../platform/db/migrate.js';
import { serve } from '../../platform/http/serve-route.js';
import type { ScannerService } from '../../platform/scanner/index.js';
import type { CustomersService } from '../../domains/customers/index.js';
import type { DevicesService } from '../../domains/devices/index.js';
import type { Recommender } from '../../domains/recommend/index.js';

const VERSION = '0.1.0';

export interface HealthDeps {
  db: Database;
  customers: Pick<CustomersService, 'count'>;
  devices: Pick<DevicesService, 'connectedCounts'>;
  recommend: Pick<Recommender, 'health'>;
  scanner: Pick<ScannerService, 'status'>;
}

/** What a technician checks first (ROUTES.system.health): 200 while the database answers. */
export function healthRoutes(d: HealthDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    serve(app, ROUTES.system.health, {}, async () => {
      const [migration, customers, devices] = await Promise.all([currentVersion(d.db), d.customers.count(), d.devices.connectedCounts()]);
      const model = d.recommend.health();
      const scanner = d.scanner.status();
      return {
        status: model.status !== 'fallback' && scanner.status !== 'unavailable' ? ('ok' as const) : ('degraded' as const),
        version: VERSION,
        uptimeS: Math.round(process.uptime()),
        database: { ok: true, migration, customers },
        model,
        scanner,
        devices,
      };
    });
  };
}
