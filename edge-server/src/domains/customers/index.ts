import fp from 'fastify-plugin';
import { CustomerDataRepository, CustomersRepository } from './repository.js';
import { CustomersService } from './service.js';
import { DataRequestsService } from '../../usecases/data-requests/data-requests.js';
import { customersRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    customers: CustomersService;
    dataRequests: DataRequestsService;
  }
}

export default fp(
  async (app) => {
    app.decorate('customers', new CustomersService(new CustomersRepository(app.db)));
    app.decorate('dataRequests', new DataRequestsService(app, new CustomerDataRepository(app.db)));
    await app.register(customersRoutes, { prefix: '/api/v1' });
  },
  { name: 'customers', dependencies: ['db', 'auth'] },
);
