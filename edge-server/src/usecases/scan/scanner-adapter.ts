import type { ScannerService } from '../../platform/scanner/index.js';
import type { DevicePush } from '../../platform/realtime/realtime.js';
import type { DevicesService } from '../../domains/devices/index.js';
import type { ScanService } from './scan-service.js';

/**
 * A code read by a kiosk's USB scanner enters the same scan path as the keypad; the result is
 * pushed to that kiosk. A scanner bound to an unknown or revoked kiosk is ignored (and logged).
 */
export function connectScannerToScan(scanner: ScannerService, deps: { devices: Pick<DevicesService, 'get'>; scan: ScanService; push: DevicePush; log: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void } }) {
  scanner.on('scan', (scan) => {
    void (async () => {
      const kiosk = await deps.devices.get(scan.kioskId).catch(() => null);
      if (!kiosk || kiosk.status !== 'active') return deps.log.warn({ kioskId: scan.kioskId }, 'scan from a scanner bound to an unknown or revoked kiosk');
      await deps.scan.identifyFromScanner({ id: kiosk.id, zone_id: kiosk.zoneId }, scan.code);
    })().catch((err) => deps.log.error({ err }, 'scan handling failed'));
  });
  scanner.on('scan-error', (e) => deps.push.toKiosk(e.kioskId, 'kiosk:scan-error', { code: e.code, message: e.message }));
}
