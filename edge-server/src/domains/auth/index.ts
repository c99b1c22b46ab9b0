import fp from 'fastify-plugin';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { AuthRepository, type StaffRole } from './repository.js';
import { bearerToken, authRoutes } from './routes.js';
import { AuthService, type StaffPrincipal } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthService;
    /** preHandler: a signed-in staff member with one of these roles. */
    requireRole(...roles: StaffRole[]): preHandlerAsyncHookHandler;
  }
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

export default fp(
  async (app) => {
    const auth = new AuthService(new AuthRepository(app.db));
    app.decorate('auth', auth);
    app.decorateRequest('staff', undefined);
    app.decorate('requireRole', (...roles: StaffRole[]): preHandlerAsyncHookHandler => async (req) => {
      const principal = await auth.principal(bearerToken(req.headers.authorization));
      if (!roles.includes(principal.role)) throw new VitrinaError('VITRINA_ERR_FORBIDDEN');
      req.staff = principal;
    });
    await app.register(authRoutes, { prefix: '/api/v1' });
  },
  { name: 'auth', dependencies: ['db'] },
);
