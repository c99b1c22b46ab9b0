import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/** The edge server serves the built console at /console/ with the API on the same origin. */
const BASE = '/console/';
// `vite dev` / `vite preview` forward the API, socket.io and media to a running edge server.
const EDGE = process.env['VITRINA_EDGE_URL'] ?? 'http://localhost:8080';
const proxy = {
  '/api': EDGE,
  '/media': EDGE,
  '/socket.io': { target: EDGE, ws: true },
};

// No service worker: the console is an online staff tool, and a stale cached console
// talking to a newer server is worse than a "server unreachable" message.
export default defineConfig({
  base: BASE,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy },
  preview: { proxy },
});
