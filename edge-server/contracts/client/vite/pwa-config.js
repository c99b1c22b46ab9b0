/**
 * @vitrina/contracts/vite-pwa — the Vite config of a device PWA (kiosk, signage), written once.
 * The apps are served by the edge server at /<app>/ on the same origin as the API, run full
 * screen for weeks without a reload, and must keep working offline; only the values in
 * DevicePwaOptions differ between them.
 *
 * Plain JS with JSDoc types (checked by tsc, ./tsconfig.json), not TypeScript: Vite bundles an
 * app's vite.config.ts but leaves package imports, workspace links included, to Node, and
 * Node 20 cannot load .ts (vitejs/vite#5370). As JS it works with every `vite` command as is.
 * Build-time code: the apps' vite.config.ts imports it, their browser code never does.
 */
/** @import { UserConfig } from 'vite' */
/** @import { ManifestOptions } from 'vite-plugin-pwa' */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { deviceHead } from './device-head.js';

/** The brand colour (`--brand` in each app's global.css): splash screen and status bar. */
export const BRAND_COLOR = '#0f2a24';

/**
 * @typedef {object} DevicePwaOptions
 * @property {string} app The edge server's path for the app: 'kiosk' → base /kiosk/, media cache vitrina-kiosk-media.
 * @property {string} name
 * @property {string} shortName
 * @property {string} description Manifest and <meta name="description">.
 * @property {ManifestOptions['orientation']} orientation
 * @property {string} [themeColor] Defaults to BRAND_COLOR.
 * @property {string[]} [extraPrecache] File types to precache besides js, css, html, svg, png and the manifest (e.g. jpg, webp).
 * @property {{ maxEntries: number, rangeRequests?: boolean }} media The CacheFirst cache for /media/;
 *   rangeRequests: videos are fetched in byte ranges, answer those from the cached whole file.
 */

const MEDIA_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * @param {DevicePwaOptions} o
 * @returns {UserConfig}
 */
export function devicePwaConfig(o) {
  // The id goes into a path, a RegExp and a cache name: keep it to plain lowercase words.
  if (!/^[a-z][a-z0-9-]*$/.test(o.app)) throw new Error(`devicePwaConfig: app must be a lowercase path segment, got "${o.app}"`);
  const base = `/${o.app}/`;
  const themeColor = o.themeColor ?? BRAND_COLOR;
  const precache = ['js', 'css', 'html', 'svg', 'png', ...(o.extraPrecache ?? []), 'webmanifest'];
  // `vite dev` / `vite preview` forward API, socket.io and media to a running edge server.
  const edge = process.env['VITRINA_EDGE_URL'] ?? 'http://localhost:8080';
  const proxy = {
    '/api': edge,
    '/media': edge,
    '/socket.io': { target: edge, ws: true },
  };

  return defineConfig({
    base,
    plugins: [
      preact(),
      deviceHead({ title: o.name, description: o.description, themeColor }),
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: false,
        manifest: {
          name: o.name,
          short_name: o.shortName,
          description: o.description,
          start_url: base,
          scope: base,
          display: 'fullscreen',
          orientation: o.orientation,
          background_color: themeColor,
          theme_color: themeColor,
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
            { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          ],
        },
        workbox: {
          globPatterns: [`**/*.{${precache.join(',')}}`],
          navigateFallback: `${base}index.html`,
          navigateFallbackAllowlist: [new RegExp(`^/${o.app}/`)],
          cleanupOutdatedCaches: true,
          // Take control on the very first load: a screen may run for weeks without a reload.
          clientsClaim: true,
          skipWaiting: true,
          runtimeCaching: [
            {
              // Copied into sw.js as source text, so it must not use any variable from here.
              urlPattern: ({ url }) => url.pathname.startsWith('/media/'),
              handler: 'CacheFirst',
              options: {
                cacheName: `vitrina-${o.app}-media`,
                expiration: { maxEntries: o.media.maxEntries, maxAgeSeconds: MEDIA_MAX_AGE_SECONDS },
                cacheableResponse: { statuses: [0, 200] },
                ...(o.media.rangeRequests ? { rangeRequests: true } : {}),
              },
            },
          ],
        },
      }),
    ],
    build: { outDir: 'dist', emptyOutDir: true },
    server: { proxy },
    preview: { proxy },
  });
}
