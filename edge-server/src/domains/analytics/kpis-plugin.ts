import fp from 'fastify-plugin';
import { KpisRepository } from './kpis-repository.js';
import { kpisRoutes } from './kpis-routes.js';
import { KpisService } from './kpis-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    kpis: KpisService;
  }
}

/** Measurement: campaign lift against holdouts and loyalty-program KPIs under /api/v1/analytics. */
export default fp(
  async (app) => {
    app.decorate('kpis', new KpisService(new KpisRepository(app.db), { settings: () => app.loyalty.settings(), today: () => app.loyalty.today() }));
    await app.register(kpisRoutes, { prefix: '/api/v1' });
  },
  { name: 'analytics-kpis', dependencies: ['db', 'auth', 'loyalty'] },
);
