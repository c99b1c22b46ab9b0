import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import { bearerToken, type Guards } from './guard.js';
import type { AuthService } from './service.js';

/** Sign-in attempts one address may make: plenty for a person, a crawl for a guesser. */
export const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export function authRoutes({ auth, guard }: { auth: AuthService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    // Per address (the @fastify/rate-limit plugin app.ts registers); per account in AuthService.
    serve(app, ROUTES.auth.login, { config: { rateLimit: LOGIN_RATE_LIMIT } }, async (req) => auth.login(req.body.username, req.body.password));
    serve(app, ROUTES.auth.me, { preHandler: staff }, async (req) => req.staff!);
    serve(app, ROUTES.auth.logout, { preHandler: staff }, async (req) => {
      await auth.logout(bearerToken(req.headers.authorization)!);
      return { ok: true as const };
    });
  };
}
