import { KioskRedeemRewardRequest, KioskRewardsRequest } from '@vitrina/contracts';
import type { KioskNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { RewardsService } from '../../domains/rewards/index.js';
import type { KioskSessions } from './kiosk-sessions.js';

/**
 * My card's rewards over the kiosk socket: the catalogue as this member sees it, and redeeming
 * one. The member is the one holding the session on THIS kiosk (else VITRINA_ERR_SESSION_UNKNOWN).
 */
export function kioskRewardsSocketHandlers(kiosk: KioskNamespace, deps: { sessions: KioskSessions; rewards: RewardsService }, log: { error(obj: unknown, msg: string): void }) {
  const shopperOf = (kioskId: string, sessionId: string) => {
    const s = deps.sessions.get(sessionId, kioskId);
    if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
    return s.customerId;
  };
  kiosk.on('connection', (socket) => {
    const device = socket.data.device;
    socket.on('kiosk:rewards', handle(KioskRewardsRequest, (req) => deps.rewards.forMember(shopperOf(device.id, req.sessionId)), log));
    socket.on('kiosk:redeem-reward', handle(KioskRedeemRewardRequest, (req) =>
      deps.rewards.redeem({ rewardId: req.rewardId, customerId: shopperOf(device.id, req.sessionId), idempotencyKey: `kiosk:${device.id}:${req.idempotencyKey}`, channel: 'kiosk' }), log));
  });
}
