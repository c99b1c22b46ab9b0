import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, LoginRequest, LoginResponse, StaffUser } from '@vitrina/contracts';
import { Type } from 'typebox';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/auth/login', {
    schema: { tags: ['auth'], body: LoginRequest, response: { 200: LoginResponse, 401: ErrorResponse } },
  }, async (req) => app.auth.login(req.body.username, req.body.password));

  app.get('/auth/me', {
    schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: StaffUser, 401: ErrorResponse } },
    preHandler: app.requireRole('admin', 'marketer', 'staff'),
  }, async (req) => req.staff!);

  app.post('/auth/logout', {
    schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Literal(true) }) } },
    preHandler: app.requireRole('admin', 'marketer', 'staff'),
  }, async (req) => {
    await app.auth.logout(bearerToken(req.headers.authorization)!);
    return { ok: true as const };
  });
};

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S{8,256})$/i.exec(header ?? '');
  return m?.[1];
}
