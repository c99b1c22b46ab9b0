import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Consents, defineRoute, LoginRequest, ROUTES } from '@vitrina/contracts';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';

/**
 * Routes of this fake server only, declared like the contract map's: the client gets every
 * path from a route, so these exercise it without a full edge server.
 */
const fake = {
  ok: defineRoute({ method: 'GET', path: '/ok', tags: [], response: {} }),
  echo: defineRoute({ method: 'POST', path: '/echo', tags: [], body: Consents, response: {} }),
  echoNoBody: defineRoute({ method: 'POST', path: '/echo', tags: [], response: {} }),
  raw: defineRoute({ method: 'POST', path: '/raw', tags: [], contentType: 'text/csv', response: {} }),
  unauthorized: defineRoute({ method: 'GET', path: '/unauthorized', tags: [], response: {} }),
  signIn: defineRoute({ method: 'POST', path: '/unauthorized', tags: [], body: LoginRequest, response: {} }),
  conflict: defineRoute({ method: 'POST', path: '/conflict', tags: [], response: {} }),
  missing: defineRoute({ method: 'GET', path: '/api/v1/analytics/kpis', tags: [], response: {} }),
  html: defineRoute({ method: 'GET', path: '/html', tags: [], response: {} }),
  garbage: defineRoute({ method: 'GET', path: '/garbage', tags: [], response: {} }),
};

/** A real HTTP server on port 0 that answers like the edge server does. */
let server: Server;
let base = '';
const seen: { method?: string; url?: string; auth?: string; type?: string; body: string }[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body });
    const json = (status: number, v: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(v));
    };
    if (req.url === '/ok') return json(200, { hello: 'world' });
    if (req.url === '/echo') return json(200, { got: body ? JSON.parse(body) : null });
    if (req.url === '/raw') return json(201, { type: req.headers['content-type'], length: body.length });
    if (req.url === '/unauthorized') return json(401, { error: { code: 'VITRINA_ERR_UNAUTHORIZED', message: 'Sign in first.' } });
    if (req.url === '/conflict') return json(409, { error: { code: 'VITRINA_ERR_CODE_ALREADY_USED', message: 'Already used.' } });
    if (req.url === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    }
    if (req.url === '/garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{not json');
    }
    if (req.url?.startsWith('/api/v1/customers/') || req.url?.startsWith('/api/v1/analytics/rfm')) return json(200, { url: req.url });
    json(404, { error: { code: 'VITRINA_ERR_NOT_FOUND', message: `No route for ${req.method} ${req.url}` } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function client(token: string | null = 'tok-123456789') {
  let signedOut = 0;
  const c = createApiClient({ baseUrl: base, getToken: () => token, onUnauthorized: () => signedOut++ });
  return { c, signedOut: () => signedOut };
}

describe('api client against a real HTTP server', () => {
  it('sends the bearer token and parses JSON', async () => {
    const { c } = client();
    await expect(c.call(fake.ok)).resolves.toEqual({ hello: 'world' });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', auth: 'Bearer tok-123456789' });
  });
  it('sends no Authorization header when signed out', async () => {
    const { c } = client(null);
    await c.call(fake.ok);
    expect(seen.at(-1)?.auth).toBeUndefined();
  });
  it('sends JSON bodies with a JSON content type', async () => {
    const { c } = client();
    const consents = { program: true, marketing: false, profiling: true };
    await expect(c.call(fake.echo, { body: consents })).resolves.toEqual({ got: consents });
    expect(seen.at(-1)?.type).toBe('application/json');
  });
  it('sends {} when a POST has no body (the server refuses an empty JSON body), and no body with a GET', async () => {
    const { c } = client();
    await expect(c.call(fake.echoNoBody)).resolves.toEqual({ got: {} });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/json', body: '{}' });
    await c.call(fake.ok);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', type: undefined, body: '' });
  });
  it('builds the URL from the route: encoded params, then the defined query values', async () => {
    const { c } = client();
    await expect(c.call(ROUTES.customers.get, { params: { id: 'c 1/2' } })).resolves.toEqual({ url: '/api/v1/customers/c%201%2F2' });
    await expect(c.call(ROUTES.analytics.rfm, { query: { limit: 0, periodDays: undefined } })).resolves.toEqual({ url: '/api/v1/analytics/rfm?limit=0' });
    expect(seen.at(-1)?.method).toBe('GET');
  });
  it('uploads raw text with its own content type', async () => {
    const { c } = client();
    await expect(c.upload(fake.raw, 'a,b\n1,2\n')).resolves.toEqual({ type: 'text/csv', length: 8 });
    await expect(c.upload(fake.raw, new Blob(['x,y\n']))).resolves.toEqual({ type: 'text/csv', length: 4 });
  });
  it('ends the session on a 401 when a token was sent', async () => {
    const { c, signedOut } = client();
    const err = await c.call(fake.unauthorized).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('Sign in first.');
    expect(signedOut()).toBe(1);
  });
  it('does not treat a failed sign-in (401 without a token) as an ended session', async () => {
    const { c, signedOut } = client(null);
    await expect(c.call(fake.signIn, { body: { username: 'x', password: 'y' } })).rejects.toBeInstanceOf(ApiError);
    expect(signedOut()).toBe(0);
  });
  it('maps error envelopes, unknown routes, HTML and unreadable JSON', async () => {
    const { c } = client();
    await expect(c.call(fake.conflict)).rejects.toMatchObject({ status: 409, code: 'VITRINA_ERR_CODE_ALREADY_USED', message: 'Already used.' });
    const missing = (await c.call(fake.missing).catch((e: unknown) => e)) as ApiError;
    expect(missing.isNotAvailable).toBe(true);
    await expect(c.call(fake.html)).rejects.toMatchObject({ status: 502, code: 'CONSOLE_BAD_RESPONSE' });
    await expect(c.call(fake.garbage)).rejects.toMatchObject({ code: 'CONSOLE_BAD_RESPONSE' });
  });
  it('reports an unreachable server as a network error', async () => {
    const c = createApiClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => null, onUnauthorized: () => {} });
    await expect(c.call(fake.ok)).rejects.toMatchObject({ code: 'CONSOLE_NETWORK', status: 0 });
  });
});
