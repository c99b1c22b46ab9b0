import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

type Directives = Record<string, string[]>;

/**
 * The served apps (kiosk, signage, console): Vite bundles and stylesheets from the same origin,
 * no inline script or style element (Preact sets `style` props through the CSSOM, which CSP
 * does not govern), a service worker, socket.io over a websocket to the same origin
 * (CSP Level 3 `'self'` covers ws: and wss: on the page's host and port), images and video
 * from /media/ or data:/blob:.
 *
 * No `upgrade-insecure-requests` (helmet's default has it): the edge server speaks plain HTTP
 * on the store's LAN, and upgrading its own requests to https would break every page.
 */
export const APP_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/**
 * Signage slides: the console lets staff point an image or video slide at an http(s):// URL
 * besides /media/ (edge-server/console/src/lib/playlist-edit.ts), so the screen player may load
 * images and video from anywhere; scripts, styles and connections stay same-origin.
 */
export const SIGNAGE_CSP: Directives = {
  ...APP_CSP,
  'img-src': [...APP_CSP['img-src']!, 'http:', 'https:'],
  'media-src': [...APP_CSP['media-src']!, 'http:', 'https:'],
};

/** Swagger UI at /api/docs: its own bundle, plus inline styles (the UI sets style attributes and <style> in its SVGs). */
export const DOCS_CSP: Directives = {
  ...APP_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** Which policy a route gets, by its URL; everything else (the API's JSON included) gets APP_CSP. */
export function cspFor(url: string): Directives {
  if (url.startsWith('/signage/')) return SIGNAGE_CSP;
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return DOCS_CSP;
  return APP_CSP;
}

const API_PREFIX = '/api/v1/';

/**
 * Security headers on every response (helmet: CSP, nosniff, frame and referrer policies,
 * cross-origin isolation headers), and `Cache-Control: no-store` on every `/api/v1/*` answer,
 * which carry shoppers' and staff data that no browser or proxy cache may keep. Static assets
 * keep their own caching (static-apps.ts).
 *
 * Register before any route: the per-route CSP is attached as routes are added.
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const directives = cspFor(route.url ?? '');
      if (directives === APP_CSP) return;
      // Read by helmet's own onRoute hook, which runs after this one (it is added later).
      route.helmet = { contentSecurityPolicy: { useDefaults: false, directives } };
    });
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
      // Plain HTTP on the LAN: HSTS would be ignored over http, and wrong if a proxy ever added https for some hosts only.
      strictTransportSecurity: false,
    });
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);
