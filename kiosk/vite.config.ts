import { devicePwaConfig } from '@vitrina/contracts/vite-pwa';

// Everything the kiosk and signage builds share (base path, manifest, service worker, dev
// proxy to the edge server, the <head> of index.html) lives in the factory.
export default devicePwaConfig({
  app: 'kiosk',
  name: 'Vitrina Kiosk',
  shortName: 'Kiosk',
  description: 'Scan your loyalty card to see your points and offers.',
  // Portrait and landscape kiosks both exist.
  orientation: 'any',
  media: { maxEntries: 100 },
});
