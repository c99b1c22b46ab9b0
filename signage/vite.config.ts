import { devicePwaConfig } from '@vitrina/contracts/vite-pwa';

// Everything the kiosk and signage builds share (base path, manifest, service worker, dev
// proxy to the edge server, the <head> of index.html) lives in the factory.
export default devicePwaConfig({
  app: 'signage',
  name: 'Vitrina Signage',
  shortName: 'Signage',
  description: 'In-store screen player.',
  orientation: 'landscape',
  // Images bundled in public/default/ (the offline default loop) may be jpg or webp too.
  extraPrecache: ['jpg', 'webp'],
  // Slides and videos for a whole playlist, which is more than a kiosk's offer images.
  media: { maxEntries: 300, rangeRequests: true },
});
