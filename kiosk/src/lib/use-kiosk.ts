import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import type { Ack, EnrollRequest, IdentifyRequest, IdentifyResult, SurveyAnswerRequest, SurveyAnswerResult, SurveyDue } from '@vitrina/contracts';
import { ACK_TIMEOUT_MS, PROBLEM_SHOW_MS, SURVEY_CHECK_MS } from '../config';
import { initialKioskState, kioskReducer, type KioskState } from './kiosk-state';
import type { KioskSocket } from '@vitrina/contracts/client';
import { kioskI18n } from './i18n';
import { startedWith } from './card-number';
import { enrollProblem } from './error-messages';
import { cardRequester, type CardRequest } from './card-requests';

export interface KioskActions {
  openKeypad(): void;
  identify(code: string, source: IdentifyRequest['source']): void;
  clip(offerId: string): void;
  enroll(form: Omit<EnrollRequest, 'enrollToken'>): void;
  /** Leaves the session (Done button, Cancel, or inactivity) and goes back to attract. */
  finish(reason: 'timeout' | 'done'): void;
  /** Sends the survey answer; the thanks screen follows. */
  answerSurvey(answer: Omit<SurveyAnswerRequest, 'sessionId'>): void;
  dismissProblem(): void;
  /** My card: open it from the session, go back (with the balance it last showed). */
  openCard(): void;
  closeCard(pointsBalance?: number): void;
  /** One My card request over this kiosk's socket (lib/card-requests.ts); refused up front when offline. */
  card: CardRequest;
}

/** Sends one request and turns "no answer in time" into an ordinary failed Ack. */
async function request<T>(send: () => Promise<Ack<T>>): Promise<Ack<T> | 'timeout'> {
  try {
    return await send();
  } catch {
    return 'timeout';
  }
}

/**
 * The kiosk's behaviour: server pushes (hardware scanner results) and shopper actions
 * feed one reducer. Every request is refused up front when offline, instead of being
 * queued by socket.io and replayed minutes later for a shopper who has left.
 */
export function useKiosk(socket: KioskSocket | null, online: boolean): [KioskState, KioskActions] {
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const sessionRef = useRef<string | null>(null);
  sessionRef.current = state.session?.sessionId ?? null;

  const endSession = useCallback(
    (reason: 'timeout' | 'done') => {
      const sessionId = sessionRef.current;
      if (sessionId && socket?.connected) socket.emit('kiosk:end', { sessionId, reason }, () => undefined);
    },
    [socket],
  );

  useEffect(() => {
    if (!socket) return;
    socket.on('kiosk:session', (session) => {
      // Another card while a session is open: the previous shopper's visit (and language) ends.
      if (sessionRef.current && sessionRef.current !== session.sessionId) {
        endSession('done');
        kioskI18n.choose(null);
      }
      dispatch({ type: 'identified', result: { status: 'known', session } });
    });
    socket.on('kiosk:unknown-card', (unknown) => {
      if (sessionRef.current) kioskI18n.choose(null);
      endSession('done');
      dispatch({ type: 'identified', result: { status: 'unknown', unknown } });
    });
    socket.on('kiosk:scan-error', (error) => dispatch({ type: 'problem', key: error.code }));
    return () => {
      socket.off('kiosk:session');
      socket.off('kiosk:unknown-card');
      socket.off('kiosk:scan-error');
    };
  }, [socket, endSession]);

  // Problems go away on their own so the next shopper does not see them.
  useEffect(() => {
    if (!state.problem) return;
    const t = setTimeout(() => dispatch({ type: 'dismiss-problem' }), PROBLEM_SHOW_MS);
    return () => clearTimeout(t);
  }, [state.problem]);

  /** Ends the session on the server and goes back to attract. */
  const leave = (reason: 'timeout' | 'done') => {
    endSession(reason);
    dispatch({ type: 'reset' });
    // The shopper's language lasts for their visit only.
    kioskI18n.choose(null);
  };

  const ready = (): KioskSocket | null => {
    if (socket && online && socket.connected) return socket;
    dispatch({ type: 'problem', key: 'OFFLINE' });
    return null;
  };

  const actions: KioskActions = {
    openKeypad: () => dispatch({ type: 'open-keypad' }),
    dismissProblem: () => dispatch({ type: 'dismiss-problem' }),
    openCard: () => dispatch({ type: 'open-card' }),
    closeCard: (pointsBalance) => dispatch(pointsBalance === undefined ? { type: 'close-card' } : { type: 'close-card', pointsBalance }),
    card: cardRequester(() => (socket && online && socket.connected ? socket : null)),
    finish: (reason) => {
      const sessionId = sessionRef.current;
      // "Done" on the session screen: a shopper the server says is due gets the one-question
      // survey first. Any doubt (offline, slow, refused) goes straight back to attract.
      if (reason === 'done' && state.screen === 'session' && sessionId && socket && online && socket.connected) {
        dispatch({ type: 'busy' });
        void request<SurveyDue>(() => socket.timeout(SURVEY_CHECK_MS).emitWithAck('kiosk:survey-due', { sessionId })).then((ack) => {
          if (sessionRef.current !== sessionId) return; // another card came meanwhile
          if (ack !== 'timeout' && ack.ok && ack.data.due) dispatch({ type: 'survey', due: ack.data });
          else leave(reason);
        });
        return;
      }
      leave(reason);
    },
    answerSurvey: (answer) => {
      const sessionId = sessionRef.current;
      const s = ready();
      if (!s || !sessionId) return;
      dispatch({ type: 'busy' });
      void request<SurveyAnswerResult>(() => s.timeout(ACK_TIMEOUT_MS).emitWithAck('kiosk:survey-answer', { sessionId, ...answer })).then((ack) => {
        if (ack === 'timeout') return dispatch({ type: 'problem', key: 'TIMEOUT' });
        if (ack.ok) return dispatch({ type: 'survey-thanks' });
        // Already answered, switched off or session gone: nothing to retry, say so on the way out.
        if (ack.error.code !== 'VITRINA_ERR_VALIDATION') leave('done');
        dispatch({ type: 'problem', key: ack.error.code });
      });
    },
    identify: (code, source) => {
      const s = ready();
      if (!s) return;
      dispatch({ type: 'busy' });
      void request<IdentifyResult>(() => s.timeout(ACK_TIMEOUT_MS).emitWithAck('kiosk:identify', { code, source })).then((ack) => {
        if (ack === 'timeout') return dispatch({ type: 'problem', key: 'TIMEOUT' });
        if (!ack.ok) return dispatch({ type: 'problem', key: ack.error.code });
        if (sessionRef.current && (ack.data.status !== 'known' || ack.data.session.sessionId !== sessionRef.current)) {
          endSession('done');
          kioskI18n.choose(null);
        }
        dispatch({ type: 'identified', result: ack.data, startedWith: startedWith(code, source) });
      });
    },
    clip: (offerId) => {
      const sessionId = sessionRef.current;
      const s = ready();
      if (!s || !sessionId) return;
      void request<{ offerId: string; clipped: true }>(() => s.timeout(ACK_TIMEOUT_MS).emitWithAck('kiosk:clip', { sessionId, offerId })).then((ack) => {
        if (ack === 'timeout') return dispatch({ type: 'problem', key: 'TIMEOUT' });
        if (!ack.ok && ack.error.code !== 'VITRINA_ERR_CONFLICT') return dispatch({ type: 'problem', key: ack.error.code });
        dispatch({ type: 'clipped', offerId });
      });
    },
    enroll: (form) => {
      const enrollToken = state.unknown?.enrollToken;
      const s = ready();
      if (!s || !enrollToken) return;
      dispatch({ type: 'busy' });
      void request<IdentifyResult>(() => s.timeout(ACK_TIMEOUT_MS).emitWithAck('kiosk:enroll', { enrollToken, ...form })).then((ack) => {
        if (ack === 'timeout') return dispatch({ type: 'problem', key: 'TIMEOUT' });
        if (!ack.ok) return dispatch({ type: 'problem', key: enrollProblem(ack.error.code, form.phone !== undefined, form.email !== undefined) });
        dispatch({ type: 'identified', result: ack.data, enrolled: true });
      });
    },
  };

  return [state, actions];
}
