import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The edge server serves this app at /signage/ and the API on the same origin. */
const BASE = '/signage/';
// `vite dev` / `vite preview` forward API, socket.io and media to a running edge server.
const EDGE = process.env['VITRINA_EDGE_URL'] ?? 'http://localhost:8080';
const proxy = {
  '/api': EDGE,
  '/media': EDGE,
  '/socket.io': { target: EDGE, ws: true },
};

export default defineConfig({
  base: BASE,
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Vitrina Signage',
        short_name: 'Signage',
        description: 'In-store screen player.',
        start_url: BASE,
        scope: BASE,
        display: 'fullscreen',
        orientation: 'landscape',
        background_color: '#0f2a24',
        theme_color: '#0f2a24',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,webp,webmanifest}'],
        navigateFallback: `${BASE}index.html`,
        navigateFallbackAllowlist: [/^\/signage\//],
        cleanupOutdatedCaches: true,
        // Take control on the very first load: a screen may run for weeks without a reload.
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/media/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'vitrina-signage-media',
              expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 },
              cacheableResponse: { statuses: [0, 200] },
              // Videos are fetched in byte ranges; answer those from the cached whole file.
              rangeRequests: true,
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
