import fp from 'fastify-plugin';
import { PurchasesRepository } from './repository.js';
import type { HistorySource } from './history-source.js';

declare module 'fastify' {
  interface FastifyInstance {
    purchases: { repo: PurchasesRepository; history: HistorySource };
  }
}

export default fp(
  async (app) => {
    const repo = new PurchasesRepository(app.db, app.config.STORE_TIME_ZONE);
    const history: HistorySource = { basketsOf: (id) => repo.basketsOf(id), allBaskets: () => repo.allBaskets() };
    app.decorate('purchases', { repo, history });
  },
  { name: 'purchases', dependencies: ['db'] },
);
