import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import { bearerToken, type Guards } from './guard.js';
import type { AuthService } from './service.js';

/** Sign-in attempts one address may make: plenty for a person, a crawl for a guesser. */
export const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

export function authRoutes({ auth, guard }: { auth: AuthService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Also open to a user whose temporary password is due for a change: what they need to change it.
    const session = guard.requireSession();
    // Per address (the @fastify/rate-limit plugin app.ts registers); per account in AuthService.
    serve(app, ROUTES.auth.login, { config: { rateLimit: LOGIN_RATE_LIMIT } }, async (req) => auth.login(req.body.username, req.body.password));
    serve(app, ROUTES.auth.me, { preHandler: session }, async (req) => req.staff!);
    serve(app, ROUTES.auth.logout, { preHandler: session }, async (req) => {
      await auth.logout(bearerToken(req.headers.authorization)!);
      return { ok: true as const };
    });
    // The current password is checked there too, so the same per-address limit applies.
    serve(app, ROUTES.auth.changePassword, { preHandler: session, config: { rateLimit: LOGIN_RATE_LIMIT } }, async (req) => {
      const { session: fresh, change } = await auth.changeOwnPassword(req.staff!, req.body.currentPassword, req.body.newPassword);
      noteAuditChange(req, change);
      return fresh;
    });
  };
}
