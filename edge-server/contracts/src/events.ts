import type { AckCallback } from './ack.js';
import type { DeviceHello } from './devices.js';
import type { ClipRequest, EndSessionRequest, EnrollRequest, IdentifyResult, KioskSession, UnknownCard } from './kiosk.js';
import type { IdentifyRequest } from './cards.js';
import type { ClaimCodeRequest, ClaimedCode, ClaimedReferral, KioskReferralRequest, MyCard, MyCardRequest, VoucherIssued, VoucherRequest } from './kiosk-card.js';
import type { Playlist, SignageTakeover } from './signage.js';
import type { ScreenSnapshot, SignageBoards } from './signage-content.js';
import type { ErrorInfo } from './errors.js';
import type { DeviceStatusAck, DeviceStatusReport, PlayBatch, PlayBatchResult, ScreenshotReply, ScreenshotRequest, ScreenshotStored } from './signage-reports.js';
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
  /** Capture your screen and answer with `device:screenshot` (fleet, remote screenshot). */
  'device:screenshot-request': (req: ScreenshotRequest) => void;
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
  /** Fleet status report (app version, cache, uptime, errors); see signage-reports.ts. */
  'device:status': (report: DeviceStatusReport, ack: AckCallback<DeviceStatusAck>) => void;
  'device:screenshot': (reply: ScreenshotReply, ack: AckCallback<ScreenshotStored>) => void;
}

export interface SignageServerToClient {
  'device:hello': (hello: DeviceHello) => void;
  'signage:takeover': (takeover: SignageTakeover) => void;
  'signage:playlist': (playlist: Playlist) => void;
  /** The zone's new snapshot: on every publish, layout change, emergency start and revert. */
  'signage:snapshot': (snapshot: ScreenSnapshot) => void;
  /** Fresh data for the data-driven slides (offers/prices changed); replaces `snapshot.boards`. */
  'signage:boards': (boards: SignageBoards) => void;
  /** Capture your screen and answer with `device:screenshot` (fleet, remote screenshot). */
  'device:screenshot-request': (req: ScreenshotRequest) => void;
}
export interface SignageClientToServer {
  'signage:playlist': (req: Record<string, never>, ack: AckCallback<Playlist>) => void;
  /** The screen's zone's current snapshot, in the ack. */
  'signage:snapshot': (req: Record<string, never>, ack: AckCallback<ScreenSnapshot>) => void;
  /** Proof of play: a batch of play records, idempotent by record id (see signage-reports.ts). */
  'signage:proof-of-play': (batch: PlayBatch, ack: AckCallback<PlayBatchResult>) => void;
  /** Fleet status report (app version, current item, cache state, uptime, errors). */
  'device:status': (report: DeviceStatusReport, ack: AckCallback<DeviceStatusAck>) => void;
  /** The answer to `device:screenshot-request`. */
  'device:screenshot': (reply: ScreenshotReply, ack: AckCallback<ScreenshotStored>) => void;
}

export const SOCKET_NAMESPACES = { kiosk: '/kiosk', signage: '/signage', console: '/console' } as const;
