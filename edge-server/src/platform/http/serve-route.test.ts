import { describe, expect, expectTypeOf, it, onTestFinished } from 'vitest';
import Fastify, { type FastifyError, type FastifyInstance, type preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type Device, type PairDeviceRequest, type PointsMovementResult } from '@vitrina/contracts';
import { installAuditHook, noteAuditChange, serve, type AuditRecord } from './serve-route.js';

/**
 * A bare Fastify (its default validator and serializer), closed when the test ends. Routes
 * declare their error answers as ErrorResponse, so errors are sent in that envelope, as the
 * server's own error handler does; Fastify's default body would not pass the serializer.
 */
function bareApp(): FastifyInstance {
  const app = Fastify();
  app.setErrorHandler((err: FastifyError, _req, reply) =>
    reply.status(err.statusCode ?? 500).send({ error: { code: err.validation ? 'VITRINA_ERR_VALIDATION' : 'VITRINA_ERR_INTERNAL', message: err.message } }));
  onTestFinished(() => app.close());
  return app;
}

const adjustBody = { points: 50, idempotencyKey: 'key-12345678', reason: 'goodwill' };

describe('serve(app, route, options, handler)', () => {
  it('registers the route at its method and full path, with params and body typed and validated', async () => {
    const app = bareApp();
    serve(app, ROUTES.loyalty.adjust, {}, (req) => {
      expectTypeOf(req.params).toEqualTypeOf<{ customerId: string }>();
      expectTypeOf(req.body.points).toEqualTypeOf<number>();
      return { entryId: 7, points: req.body.points, balanceAfter: 150 };
    });

    const ok = await app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/c-1/adjust', payload: adjustBody });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<PointsMovementResult>()).toEqual({ entryId: 7, points: 50, balanceAfter: 150 });

    const badBody = await app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/c-1/adjust', payload: { points: 50, idempotencyKey: 'key-12345678' } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json()).toEqual({ error: { code: 'VITRINA_ERR_VALIDATION', message: "body must have required property 'reason'" } });

    const badParams = await app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/no%20spaces/adjust', payload: adjustBody });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json()).toMatchObject({ error: { code: 'VITRINA_ERR_VALIDATION', message: expect.stringMatching(/^params\/customerId must match pattern/) } });

    const wrongMethod = await app.inject({ method: 'PUT', url: '/api/v1/loyalty/customers/c-1/adjust', payload: adjustBody });
    expect(wrongMethod.statusCode).toBe(404);
  });

  it('serializes by the response schema, so fields outside the contract never leave the server', async () => {
    const app = bareApp();
    serve(app, ROUTES.loyalty.adjust, {}, () => ({ entryId: 1, points: 5, balanceAfter: 5, internalNote: 'not for clients' }));
    const res = await app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/c-1/adjust', payload: adjustBody });
    expect(res.json()).toEqual({ entryId: 1, points: 5, balanceAfter: 5 });
  });

  it('types reply.status(…).send(…) by that status’s schema, and coerces the querystring', async () => {
    const app = bareApp();
    serve(app, ROUTES.devices.pair, {}, async (req, reply) => {
      const body: PairDeviceRequest = req.body;
      return reply.status(201).send({ device: { id: 'k1', kind: body.kind, name: body.name, zoneId: body.zoneId, status: 'active', connected: false, lastSeenAt: null }, token: 'tok' });
    });
    serve(app, ROUTES.analytics.rfm, {}, async (req, reply) => {
      expectTypeOf(req.query.limit).toEqualTypeOf<number | undefined>();
      return reply.status(400).send({ error: { code: 'VITRINA_ERR_VALIDATION', message: `limit was ${typeof req.query.limit} ${req.query.limit}` } });
    });

    const paired = await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { kind: 'kiosk', name: 'Door', zoneId: 'entrance' } });
    expect(paired.statusCode).toBe(201);
    expect(paired.json()).toMatchObject({ device: { id: 'k1', kind: 'kiosk', zoneId: 'entrance' }, token: 'tok' });

    const rfm = await app.inject({ method: 'GET', url: '/api/v1/analytics/rfm?limit=0' });
    expect(rfm.statusCode).toBe(400);
    expect(rfm.json()).toEqual({ error: { code: 'VITRINA_ERR_VALIDATION', message: 'limit was number 0' } });
  });

  it('runs the preHandler given in the options, inside a TypeBox plugin under /api/v1 as the server registers them', async () => {
    const app = bareApp();
    let handled = 0;
    // The type app.requireRole(…) returns; like it, it throws and the error handler answers.
    const staff: preHandlerAsyncHookHandler = async (req) => {
      if (req.headers.authorization !== 'Bearer staff-token') throw Object.assign(new Error('Sign in first.'), { statusCode: 401 });
    };
    const customers: FastifyPluginAsyncTypebox = async (api) => {
      serve(api, ROUTES.customers.get, { preHandler: staff }, (req) => {
        handled++;
        return profileOf(req.params.id);
      });
    };
    await app.register(customers, { prefix: '/api/v1' });

    const refused = await app.inject({ method: 'GET', url: '/api/v1/customers/c-9' });
    expect(refused.statusCode).toBe(401);
    expect(handled).toBe(0);
    const allowed = await app.inject({ method: 'GET', url: '/api/v1/customers/c-9', headers: { authorization: 'Bearer staff-token' } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ id: 'c-9', cards: [] });
  });

  it('refuses a prefix the path does not start with, and serves paths outside /api/v1', async () => {
    const app = bareApp();
    await app.register(async (api) => serve(api, ROUTES.system.metrics, {}, () => {
      const timings = { count: 0, window: 0, p50: null, p95: null, p99: null, max: null };
      return { scanMs: timings, rankMs: timings, rssMb: 1, heapUsedMb: 1 };
    }), { prefix: '/api' });
    await app.register(async (v1) => {
      expect(() => serve(v1, ROUTES.system.health, {}, () => { throw new Error('never registered'); })).toThrow('GET /api/health cannot be served under the prefix /api/v1');
    }, { prefix: '/api/v1' });

    const res = await app.inject({ method: 'GET', url: '/api/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rssMb: 1 });
  });

  it('refuses, at compile time, a handler that answers or reads outside the contract', () => {
    // Never called: tsc checks these lines (npm run typecheck); each must stay an error.
    const register = (app: FastifyInstance) => {
      // @ts-expect-error a CustomerProfile is required, not a campaign
      serve(app, ROUTES.customers.get, {}, () => ({ id: 'c1', name: 'Autumn' }));
      // @ts-expect-error the route has no `nope` param
      serve(app, ROUTES.customers.get, {}, (req) => profileOf(req.params.nope));
    };
    expect(register).toBeTypeOf('function');
  });
});

describe('installAuditHook(app, { sink, actor })', () => {
  const revoked = (id: string): Device => ({ id, kind: 'kiosk', name: 'K', zoneId: 'z', status: 'revoked', connected: false, lastSeenAt: null });
  const who = { id: 'staff_1', username: 'ann' };
  // The actor is whoever the preHandler signed in; here a header stands in for the guard.
  const signIn: preHandlerAsyncHookHandler = async (req) => {
    if (req.headers['x-staff']) (req as { staffTest?: typeof who }).staffTest = who;
  };

  it('hands each signed-in write to the sink with its route id, template, params, status and noted change; not reads, not anonymous calls', async () => {
    const app = bareApp();
    const rows: AuditRecord[] = [];
    installAuditHook(app, { sink: { record: async (r) => void rows.push(r) }, actor: (req) => (req as { staffTest?: typeof who }).staffTest });
    serve(app, ROUTES.devices.revoke, { preHandler: signIn }, (req) => {
      noteAuditChange(req, { before: { status: 'active' }, after: { status: 'revoked' } });
      return revoked(req.params.id);
    });
    serve(app, ROUTES.devices.list, { preHandler: signIn }, () => []);
    serve(app, ROUTES.loyalty.adjust, { preHandler: signIn }, () => {
      throw Object.assign(new Error('refused'), { statusCode: 409 });
    });

    await app.inject({ method: 'POST', url: '/api/v1/devices/d-1/revoke', headers: { 'x-staff': '1' }, payload: {} });
    await app.inject({ method: 'GET', url: '/api/v1/devices', headers: { 'x-staff': '1' } });
    await app.inject({ method: 'POST', url: '/api/v1/devices/d-2/revoke', payload: {} });
    await app.inject({ method: 'POST', url: '/api/v1/loyalty/customers/c-1/adjust', headers: { 'x-staff': '1' }, payload: adjustBody });

    expect(rows.map((r) => [r.routeId, r.path, r.params, r.status, r.change])).toEqual([
      ['devices.revoke', '/api/v1/devices/:id/revoke', { id: 'd-1' }, 200, { before: { status: 'active' }, after: { status: 'revoked' } }],
      ['loyalty.adjust', '/api/v1/loyalty/customers/:customerId/adjust', { customerId: 'c-1' }, 409, undefined],
    ]);
    expect(rows[1]).toMatchObject({ actor: who, method: 'POST', body: adjustBody });
  });

  it('answers the request even when the audit write fails (the write itself has committed)', async () => {
    const app = bareApp();
    installAuditHook(app, { sink: { record: () => Promise.reject(new Error('disk full')) }, actor: () => who });
    serve(app, ROUTES.devices.revoke, {}, () => revoked('d-1'));
    expect((await app.inject({ method: 'POST', url: '/api/v1/devices/d-1/revoke', payload: {} })).statusCode).toBe(200);
  });
});

function profileOf(id: string) {
  return { id, firstName: null, birthDate: null, enrolledAt: '', consents: { program: true, marketing: false, profiling: false }, consentsUpdatedAt: '', cards: [], erasedAt: null };
}
