import type { IdentifyResult, KioskSession, SurveyDue, UnknownCard } from '@vitrina/contracts';
import type { ProblemKey } from './error-messages';

/** The kiosk's screens; the screen table in src/screens.tsx maps each to a component. */
export type Screen = 'attract' | 'keypad' | 'session' | 'unknown' | 'my-card' | 'survey';

export interface KioskState {
  screen: Screen;
  session: KioskSession | null;
  unknown: UnknownCard | null;
  /** The problem being shown to the shopper; `seq` lets the same problem show again. */
  problem: { key: ProblemKey; seq: number } | null;
  /** A request is in flight (identify, enroll): buttons show progress, no double submit. */
  busy: boolean;
  /** The session comes from enrolling just now: greet with "Welcome", not "Welcome back". */
  justEnrolled: boolean;
  /**
   * The unknown number was a plastic card (not typed as a phone): enrollment offers the optional
   * phone field. A shopper who came with a phone gets a virtual card instead.
   */
  offerPhone: boolean;
  /**
   * The full number of the virtual card issued by the enrollment that opened this session, to show
   * that shopper once. Lives only here: any other identify, the end of the session or a reset clears it.
   */
  virtualCard: string | null;
  /**
   * The end-of-session survey, when the server said this shopper is due (`kiosk:survey-due` on
   * "Done"): its chips, then `thanks` once answered. The session stays open until it is left.
   */
  survey: { reasons: SurveyDue['reasons']; commentMaxLength: number; phase: 'ask' | 'thanks' } | null;
}

export type KioskAction =
  | { type: 'open-keypad' }
  | { type: 'busy' }
  | { type: 'identified'; result: IdentifyResult; enrolled?: boolean; startedWith?: 'card' | 'phone' }
  | { type: 'problem'; key: ProblemKey }
  | { type: 'dismiss-problem' }
  | { type: 'clipped'; offerId: string }
  /** My card: opened from the session; closed back to it, with the balance My card last read. */
  | { type: 'open-card' }
  | { type: 'close-card'; pointsBalance?: number }
  | { type: 'survey'; due: SurveyDue }
  | { type: 'survey-thanks' }
  | { type: 'reset' };

export const initialKioskState: KioskState = {
  screen: 'attract',
  session: null,
  unknown: null,
  problem: null,
  busy: false,
  justEnrolled: false,
  offerPhone: false,
  virtualCard: null,
  survey: null,
};

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'open-keypad':
      return { ...state, screen: 'keypad', problem: null };
    case 'busy':
      return { ...state, busy: true };
    case 'identified':
      return action.result.status === 'known'
        ? {
            ...initialKioskState,
            screen: 'session',
            session: action.result.session,
            justEnrolled: action.enrolled === true,
            virtualCard: (action.enrolled === true && action.result.virtualCard) || null,
          }
        : { ...initialKioskState, screen: 'unknown', unknown: action.result.unknown, offerPhone: (action.startedWith ?? 'card') === 'card' };
    case 'problem':
      return { ...state, busy: false, problem: { key: action.key, seq: (state.problem?.seq ?? 0) + 1 } };
    case 'dismiss-problem':
      return { ...state, problem: null };
    case 'clipped': {
      if (!state.session) return state;
      const offers = state.session.offers.map((o) => (o.offerId === action.offerId ? { ...o, clipped: true } : o));
      return { ...state, session: { ...state.session, offers } };
    }
    case 'open-card':
      return state.session ? { ...state, screen: 'my-card', problem: null } : state;
    case 'close-card':
      if (!state.session) return state;
      return { ...state, screen: 'session', session: action.pointsBalance === undefined ? state.session : { ...state.session, pointsBalance: action.pointsBalance } };
    case 'survey':
      if (!state.session) return state;
      return { ...state, screen: 'survey', busy: false, virtualCard: null, survey: { reasons: action.due.reasons, commentMaxLength: action.due.commentMaxLength, phase: 'ask' } };
    case 'survey-thanks':
      return state.survey ? { ...state, busy: false, survey: { ...state.survey, phase: 'thanks' } } : state;
    case 'reset':
      return initialKioskState;
  }
}
