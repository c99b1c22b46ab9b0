import { ClipRequest, EndSessionRequest, EnrollRequest, IdentifyRequest } from '@vitrina/contracts';
import type { KioskNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { ScanService } from './scan-service.js';

/** Kiosk events over the socket: identify (keypad/wedge), clip, end, enroll — each validated against its contract. */
export function kioskSocketHandlers(kiosk: KioskNamespace, scan: ScanService, log: { error(obj: unknown, msg: string): void }) {
  kiosk.on('connection', (socket) => {
    const device = socket.data.device;
    socket.on('kiosk:identify', handle(IdentifyRequest, (req) => scan.identify(device, req.code, req.source), log));
    socket.on('kiosk:clip', handle(ClipRequest, (req) => scan.clip(device.id, req.sessionId, req.offerId), log));
    socket.on('kiosk:end', handle(EndSessionRequest, async (req) => scan.end(device.id, req.sessionId), log));
    socket.on('kiosk:enroll', handle(EnrollRequest, (req) => scan.enroll(device, req), log));
  });
}
