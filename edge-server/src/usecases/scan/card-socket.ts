import { ClaimCodeRequest, KioskReferralRequest, MyCardRequest, VoucherRequest } from '@vitrina/contracts';
import type { KioskNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import type { KioskCardService } from './my-card.js';

/** My card over the kiosk socket: read the card, claim a promo code or a friend's referral code, points → voucher. */
export function kioskCardSocketHandlers(kiosk: KioskNamespace, card: KioskCardService, log: { error(obj: unknown, msg: string): void }) {
  kiosk.on('connection', (socket) => {
    const device = socket.data.device;
    socket.on('kiosk:card', handle(MyCardRequest, (req) => card.card(device.id, req.sessionId), log));
    socket.on('kiosk:claim-code', handle(ClaimCodeRequest, (req) => card.claimCode(device, req.sessionId, req.code), log));
    socket.on('kiosk:claim-referral', handle(KioskReferralRequest, (req) => card.claimReferral(device.id, req.sessionId, req.code), log));
    socket.on('kiosk:voucher', handle(VoucherRequest, (req) => card.voucher(device.id, req.sessionId, req.points), log));
  });
}
