/**
 * @vitrina/contracts/client — the browser side of the device contract, shared by the kiosk
 * and signage apps: the pairing token (DeviceAuth) from `?token=` to localStorage, the typed
 * socket.io connection to a device namespace, the two screens every device shows the same
 * way (not paired, crashed), the money / catalogue-name formatting both screens use, and the
 * fleet side (status reports, remote screenshot, the page's error count).
 * Browser-only: the package's main entry must stay Node-safe.
 */
export * from './device-token';
export * from './use-device-socket';
export * from './format';
export * from './store-locale';
export { useFleetStatus } from './fleet/use-fleet-status';
export { useRemoteScreenshot } from './fleet/use-remote-screenshot';
export { countError, errorCount } from './fleet/error-count';
export { NotPaired } from './not-paired';
export { ErrorBoundary } from './error-boundary';
export { default as buttons } from './buttons.module.css';
