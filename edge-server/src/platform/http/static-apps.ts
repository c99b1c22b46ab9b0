import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where each built app lives, and the URL prefix it is served under. */
export const APPS = [
  { prefix: '/kiosk/', dist: `${ROOT}kiosk/dist` },
  { prefix: '/signage/', dist: `${ROOT}signage/dist` },
  { prefix: '/console/', dist: `${ROOT}edge-server/console/dist` },
] as const;

export const MEDIA_DIR = `${ROOT}edge-server/media`;

/**
 * Serves the built kiosk, signage and console apps on the API's port, with an SPA fallback
 * to each app's index.html. An app that has not been built answers 503 with a hint.
 */
export default fp(
  async (app) => {
    let decorated = false;
    for (const { prefix, dist } of APPS) {
      if (!existsSync(`${dist}/index.html`)) {
        app.get(`${prefix}*`, async (_req, reply) =>
          reply.status(503).send({ error: { code: 'VITRINA_ERR_UNAVAILABLE', message: `The app at ${prefix} is not built; run npm run build.` } }),
        );
        continue;
      }
      await app.register(fastifyStatic, { root: dist, prefix, decorateReply: !decorated, wildcard: false, index: 'index.html',
        // The service worker must never be cached by the browser's HTTP cache, or updates stall.
        setHeaders: (reply, path) => { if (/\/(sw\.js|workbox-[^/]+\.js|index\.html)$/.test(path)) reply.header('cache-control', 'no-cache'); } });
      decorated = true;
      app.get(`${prefix}*`, async (_req, reply) => reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', dist));
    }
    if (existsSync(MEDIA_DIR)) await app.register(fastifyStatic, { root: MEDIA_DIR, prefix: '/media/', decorateReply: !decorated });
    app.get('/', async (_req, reply) => reply.redirect('/console/'));
  },
  { name: 'static-apps' },
);
