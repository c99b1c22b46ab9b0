import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { APPS } from './static-apps.js';
import { existsSync } from 'node:fs';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

describe('security headers', () => {
  it('sends a same-origin CSP without upgrade-insecure-requests, and no HSTS, on the apps and the API', async () => {
    const { app } = await build();
    for (const url of ['/console/', '/kiosk/', '/api/health', '/api/v1/devices']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('style-src'), url).toEqual(["'self'"]);
      expect(csp.get('connect-src'), url).toEqual(["'self'"]);
      expect(csp.get('img-src'), url).toEqual(["'self'", 'data:', 'blob:']);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      // The server speaks plain HTTP on the LAN: upgrading its own requests would break the pages.
      expect(csp.has('upgrade-insecure-requests'), url).toBe(false);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('lets signage load slide images and video from http(s) URLs, and only signage', async () => {
    const { app } = await build();
    const signage = directives((await app.inject({ method: 'GET', url: '/signage/' })).headers['content-security-policy']);
    expect(signage.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'http:', 'https:']);
    expect(signage.get('media-src')).toEqual(["'self'", 'data:', 'blob:', 'http:', 'https:']);
    expect(signage.get('script-src')).toEqual(["'self'"]);
    const kiosk = directives((await app.inject({ method: 'GET', url: '/kiosk/' })).headers['content-security-policy']);
    expect(kiosk.get('img-src')).not.toContain('https:');
  });

  it('gives Swagger UI at /api/docs its own policy (inline styles), still without inline scripts', async () => {
    const { app } = await build();
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    // The page loads its scripts from files, none inline (script-src 'self' would refuse them).
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('marks every /api/v1 answer no-store, errors included, and leaves static assets cacheable', async () => {
    const t = await build();
    const headers = await t.staffHeaders('admin');
    const cases = [
      await t.app.inject({ method: 'GET', url: '/api/v1/devices', headers }),
      await t.app.inject({ method: 'GET', url: '/api/v1/devices' }), // 401
      await t.app.inject({ method: 'GET', url: '/api/v1/nope' }), // 404
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([200, 401, 404, 401]);
    for (const res of cases) expect(res.headers['cache-control']).toBe('no-store');

    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBeUndefined();
    const built = APPS.find((a) => existsSync(`${a.dist}/index.html`));
    if (built) {
      const index = await t.app.inject({ method: 'GET', url: built.prefix });
      expect(index.headers['cache-control']).toBe('no-cache');
      const icon = await t.app.inject({ method: 'GET', url: `${built.prefix}${built.prefix === '/console/' ? 'favicon.svg' : 'icon.svg'}` });
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['cache-control']).not.toBe('no-store');
    }
  });
});
