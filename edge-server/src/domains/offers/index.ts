import fp from 'fastify-plugin';
import { RestrictionPolicy } from './policy.js';
import { OffersRepository } from './repository.js';
import { OffersService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    offers: OffersService;
  }
}

export default fp(
  async (app) => {
    const c = app.config;
    const policy = new RestrictionPolicy(c.RESTRICTED_CATEGORIES, c.KIOSK_SHOWS_RESTRICTED);
    app.decorate('offers', new OffersService(new OffersRepository(app.db), policy, { kiosk: c.KIOSK_OFFER_COUNT, signage: c.SIGNAGE_OFFER_COUNT }));
  },
  { name: 'offers', dependencies: ['db'] },
);
