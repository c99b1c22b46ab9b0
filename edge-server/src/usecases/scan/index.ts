import fp from 'fastify-plugin';
import { ClipRequest, EndSessionRequest, EnrollRequest, IdentifyRequest } from '@vitrina/contracts';
import { handle } from '../../platform/realtime/validate.js';
import { SessionsService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionsService;
  }
}

/** Kiosk events over the socket: identify (keypad/wedge), clip, end, enroll. */
export default fp(
  async (app) => {
    const sessions = new SessionsService(app);
    app.decorate('sessions', sessions);
    app.realtime.kiosk.on('connection', (socket) => {
      const kiosk = socket.data.device;
      socket.on('kiosk:identify', handle(IdentifyRequest, (req) => sessions.identify(kiosk, req.code, req.source), app.log));
      socket.on('kiosk:clip', handle(ClipRequest, (req) => sessions.clip(kiosk.id, req.sessionId, req.offerId), app.log));
      socket.on('kiosk:end', handle(EndSessionRequest, async (req) => sessions.end(kiosk.id, req.sessionId), app.log));
      socket.on('kiosk:enroll', handle(EnrollRequest, (req) => sessions.enroll(kiosk, req.enrollToken, req.firstName, req.consents), app.log));
    });
  },
  { name: 'sessions', dependencies: ['cards', 'customers', 'loyalty', 'recommend', 'offers', 'analytics', 'realtime'] },
);
