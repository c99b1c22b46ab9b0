import fp from 'fastify-plugin';
import { CardsRepository } from './repository.js';
import { CardsService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    cards: CardsService;
  }
}

export default fp<{ secret: string }>(
  async (app, opts) => {
    const patterns = app.config.CARD_PATTERNS.split(',').map((p) => p.trim()).filter(Boolean);
    app.decorate('cards', new CardsService(app.db, new CardsRepository(app.db), app.customers.repo, opts.secret, patterns));
  },
  { name: 'cards', dependencies: ['db', 'customers'] },
);
