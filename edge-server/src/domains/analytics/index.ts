import fp from 'fastify-plugin';
import { EventsRepository } from './repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('events', new EventsRepository(app.db, app.config.STORE_ID));
  },
  { name: 'analytics', dependencies: ['db'] },
);
