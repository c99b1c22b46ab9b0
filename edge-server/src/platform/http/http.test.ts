import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';

describe('HTTP edges', () => {
  it('GET /api/health reports database, model, scanner and devices', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database.ok).toBe(true);
    expect(body.database.migration).toBeGreaterThan(0);
    // A store without a decision of its own serves the default baseline, never the committed Ta-Feng model.
    expect(body.model).toMatchObject({ status: 'baseline', version: 'GP-TopFreq+popTies', reason: null });
    expect(body.scanner.status).toBe('disabled');
    expect(body.devices).toEqual({ kiosksConnected: 0, screensConnected: 0 });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/v1/devices');
  });

  it('answers invalid JSON, wrong types, unknown keys, oversized bodies and unknown routes with codes', async () => {
    const { app } = await build({ BODY_LIMIT_BYTES: 2048 });
    const post = (payload: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
    const cases: Array<[string, number, string]> = [
      ['{"username": "a", ', 400, 'VITRINA_ERR_INVALID_JSON'],
      ['{"username": "a", "password": 5}', 400, 'VITRINA_ERR_VALIDATION'],
      ['{"username": "a", "password": "b", "admin": true}', 400, 'VITRINA_ERR_VALIDATION'],
      [JSON.stringify({ username: 'a', password: 'x'.repeat(5000) }), 413, 'VITRINA_ERR_PAYLOAD_TOO_LARGE'],
      ['{"username": "nobody", "password": "nothing"}', 401, 'VITRINA_ERR_UNAUTHORIZED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await post(payload);
      expect(res.statusCode, payload.slice(0, 30)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('VITRINA_ERR_NOT_FOUND');
    // The router's own refusal of an over-long path parameter carries a code too (attack suite finding).
    const longParam = await app.inject({ method: 'GET', url: `/api/v1/customers/${'x'.repeat(2000)}` });
    expect(longParam.statusCode).toBe(414);
    expect(longParam.json().error.code).toBe('VITRINA_ERR_VALIDATION');
  });

  it('hides the details of an unexpected failure', async () => {
    const { app, services } = await build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    await services.db.close().catch(() => undefined); // the database goes away under the server
    const broken = await app.inject({ method: 'GET', url: '/api/health' });
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toEqual({ error: { code: 'VITRINA_ERR_INTERNAL', message: 'Something went wrong on the server.' } });
    expect(broken.body).not.toMatch(/SQLITE|sqlite|stack/);
  });
});
