import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, LoginRequest, LoginResponse, StaffUser } from '@vitrina/contracts';
import { Type } from 'typebox';
import { bearerToken, type Guards } from './guard.js';
import type { AuthService } from './service.js';

export function authRoutes({ auth, guard }: { auth: AuthService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    app.post('/auth/login', {
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: LoginResponse, 401: ErrorResponse } },
    }, async (req) => auth.login(req.body.username, req.body.password));

    app.get('/auth/me', {
      schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: StaffUser, 401: ErrorResponse } },
      preHandler: staff,
    }, async (req) => req.staff!);

    app.post('/auth/logout', {
      schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Literal(true) }) } },
      preHandler: staff,
    }, async (req) => {
      await auth.logout(bearerToken(req.headers.authorization)!);
      return { ok: true as const };
    });
  };
}
