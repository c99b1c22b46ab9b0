/** The scan use case: recognize → rank → choose → push, from the keypad, the wedge or a USB scanner. */
export { ScanService, type ScanDeps } from './scan-service.js';
export { shopperPrefetch, type ShopperReadSource } from './shopper-prefetch.js';
export { kioskSocketHandlers } from './socket.js';
export { connectScannerToScan } from './scanner-adapter.js';
export { KioskCardService, type KioskCardDeps } from './my-card.js';
export { kioskCardSocketHandlers } from './card-socket.js';
export { kioskRewardsSocketHandlers } from './rewards-socket.js';
