import { DeviceStatusReport, ScreenshotReply, type ScreenshotRequest } from '@vitrina/contracts';
import type { KioskNamespace, SignageNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { FleetService } from './service.js';

type Log = { error(obj: unknown, msg: string): void };

/** Kiosks and screens send status reports and screenshot answers over their own sockets. */
export function fleetSocketHandlers(namespaces: { kiosk: KioskNamespace; signage: SignageNamespace }, fleet: FleetService, log: Log) {
  for (const nsp of [namespaces.kiosk, namespaces.signage] as const) {
    (nsp as SignageNamespace).on('connection', (socket) => {
      socket.on('device:status', handle(DeviceStatusReport, (r) => fleet.report(socket.data.device.id, r), log));
      socket.on('device:screenshot', handle(ScreenshotReply, (r) => fleet.receiveScreenshot(socket.data.device.id, r), log));
    });
  }
}

/**
 * `askScreenshot` for the fleet service: emits `device:screenshot-request` to the device's room
 * (`device:<id>`, joined by its sockets in either namespace); false when no socket of it is open.
 */
export function screenshotAsker(namespaces: { kiosk: KioskNamespace; signage: SignageNamespace }) {
  return (deviceId: string, req: ScreenshotRequest): boolean => {
    const room = `device:${deviceId}`;
    let sent = false;
    for (const nsp of [namespaces.kiosk, namespaces.signage] as const) {
      if ((nsp.adapter.rooms.get(room)?.size ?? 0) === 0) continue;
      (nsp as SignageNamespace).to(room).emit('device:screenshot-request', req);
      sent = true;
    }
    return sent;
  };
}
