import type { AckCallback } from './ack.js';
import type { DeviceHello } from './devices.js';
import type { ClipRequest, EndSessionRequest, EnrollRequest, IdentifyResult, KioskSession, UnknownCard } from './kiosk.js';
import type { IdentifyRequest } from './cards.js';
import type { ClaimCodeRequest, ClaimedCode, ClaimedReferral, KioskReferralRequest, MyCard, MyCardRequest, VoucherIssued, VoucherRequest } from './kiosk-card.js';
import type { Playlist, SignageTakeover } from './signage.js';
import type { ErrorInfo } from './errors.js';
import type { KioskRedeemRewardRequest, KioskRewards, KioskRewardsRequest, RewardRedemption } from './rewards.js';
import type { SurveyAnswerRequest, SurveyAnswerResult, SurveyDue, SurveyDueRequest } from './survey.js';

/**
 * Typed socket.io event maps, shared by the server and the apps.
 * Namespaces: /kiosk, /signage (devices, pairing token in handshake auth), /console (staff).
 * Every inbound payload is validated against its schema at runtime; replies come through acks.
 */
export interface KioskServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'kiosk:session': (session: KioskSession) => void;
  'kiosk:unknown-card': (unknown: UnknownCard) => void;
  /** A scan on this kiosk's hardware scanner could not be used (malformed, invalid card). */
  'kiosk:scan-error': (error: ErrorInfo) => void;
}
export interface KioskClientToServer {
  'kiosk:identify': (req: IdentifyRequest, ack: AckCallback<IdentifyResult>) => void;
  'kiosk:clip': (req: ClipRequest, ack: AckCallback<{ offerId: string; clipped: true }>) => void;
  'kiosk:end': (req: EndSessionRequest, ack: AckCallback<{ ended: true }>) => void;
  'kiosk:enroll': (req: EnrollRequest, ack: AckCallback<IdentifyResult>) => void;
  'kiosk:card': (req: MyCardRequest, ack: AckCallback<MyCard>) => void;
  'kiosk:claim-code': (req: ClaimCodeRequest, ack: AckCallback<ClaimedCode>) => void;
  'kiosk:claim-referral': (req: KioskReferralRequest, ack: AckCallback<ClaimedReferral>) => void;
  'kiosk:voucher': (req: VoucherRequest, ack: AckCallback<VoucherIssued>) => void;
  'kiosk:survey-due': (req: SurveyDueRequest, ack: AckCallback<SurveyDue>) => void;
  'kiosk:survey-answer': (req: SurveyAnswerRequest, ack: AckCallback<SurveyAnswerResult>) => void;
  /** My card: the rewards catalogue as this member sees it, and redeeming one (points spent at once). */
  'kiosk:rewards': (req: KioskRewardsRequest, ack: AckCallback<KioskRewards>) => void;
  'kiosk:redeem-reward': (req: KioskRedeemRewardRequest, ack: AckCallback<RewardRedemption>) => void;
}

export interface SignageServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'signage:takeover': (takeover: SignageTakeover) => void;
  'signage:playlist': (playlist: Playlist) => void;
}
export interface SignageClientToServer {
  'signage:playlist': (req: Record<string, never>, ack: AckCallback<Playlist>) => void;
}

export const SOCKET_NAMESPACES = { kiosk: '/kiosk', signage: '/signage', console: '/console' } as const;
