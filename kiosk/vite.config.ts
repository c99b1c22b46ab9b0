import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The edge server serves this app at /kiosk/ and the API on the same origin. */
const BASE = '/kiosk/';
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
        name: 'Vitrina Kiosk',
        short_name: 'Kiosk',
        description: 'Scan your loyalty card to see your points and offers.',
        start_url: BASE,
        scope: BASE,
        display: 'fullscreen',
        orientation: 'any',
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
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: `${BASE}index.html`,
        navigateFallbackAllowlist: [/^\/kiosk\//],
        cleanupOutdatedCaches: true,
        // Take control on the very first load: a screen may run for weeks without a reload.
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/media/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'vitrina-kiosk-media',
              expiration: { maxEntries: 100, maxAgeSeconds: 30 * 24 * 3600 },
              cacheableResponse: { statuses: [0, 200] },
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
