import fp from 'fastify-plugin';
import { DevicesRepository } from './repository.js';
import { devicesRoutes } from './routes.js';
import { DevicesService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    devices: DevicesService;
  }
}

export default fp(
  async (app) => {
    app.decorate('devices', new DevicesService(new DevicesRepository(app.db)));
    await app.register(devicesRoutes, { prefix: '/api/v1' });
  },
  { name: 'devices', dependencies: ['db', 'auth'] },
);
