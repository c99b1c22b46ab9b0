import fp from 'fastify-plugin';
import { CustomersRepository } from './repository.js';
import { CustomersService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    customers: CustomersService;
  }
}

export default fp(
  async (app) => {
    app.decorate('customers', new CustomersService(new CustomersRepository(app.db)));
  },
  { name: 'customers', dependencies: ['db'] },
);
