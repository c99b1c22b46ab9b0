import fp from 'fastify-plugin';
import { LoyaltyRepository } from './repository.js';
import { loyaltyRoutes } from './routes.js';
import { LoyaltyService } from './service.js';

export type { LoyaltyReader, LoyaltySummary } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The points program (implements LoyaltyReader for the kiosk greeting). */
    loyalty: LoyaltyService;
  }
}

export default fp(
  async (app) => {
    const customerExists = async (id: string) => {
      const c = await app.customers.repo.byId(id);
      return !!c && !c.erased_at;
    };
    app.decorate('loyalty', new LoyaltyService(app.db, new LoyaltyRepository(app.config.STORE_ID, app.config.STORE_TIME_ZONE), app.config.STORE_TIME_ZONE, customerExists));
    await app.register(loyaltyRoutes, { prefix: '/api/v1' });
  },
  { name: 'loyalty', dependencies: ['db', 'auth', 'customers'] },
);
