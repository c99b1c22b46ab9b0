import { SurveyAnswerRequest, SurveyDueRequest } from '@vitrina/contracts';
import type { KioskNamespace } from '../../platform/realtime/realtime.js';
import { handle } from '../../platform/realtime/validate.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { SurveysService } from './service.js';

/** The live kiosk sessions (the scan use case's), as far as the survey needs them. */
export interface LiveSessions {
  get(sessionId: string, kioskId: string): { customerId: string } | undefined;
}

/**
 * Kiosk events of the survey: `kiosk:survey-due` when the shopper taps "Done", and
 * `kiosk:survey-answer`. Both need the session to be live on this kiosk: who answers comes from
 * the session, never from the payload.
 */
export function surveySocketHandlers(kiosk: KioskNamespace, surveys: SurveysService, sessions: LiveSessions, log: { error(obj: unknown, msg: string): void }) {
  kiosk.on('connection', (socket) => {
    const device = socket.data.device;
    const live = (sessionId: string) => {
      const s = sessions.get(sessionId, device.id);
      if (!s) throw new VitrinaError('VITRINA_ERR_SESSION_UNKNOWN');
      return s;
    };
    socket.on('kiosk:survey-due', handle(SurveyDueRequest, ({ sessionId }) => surveys.due({ kioskId: device.id, sessionId, customerId: live(sessionId).customerId }), log));
    socket.on(
      'kiosk:survey-answer',
      handle(SurveyAnswerRequest, ({ sessionId, ...answer }) => surveys.answer({ kioskId: device.id, zoneId: device.zone_id, sessionId, customerId: live(sessionId).customerId }, answer), log),
    );
  });
}
