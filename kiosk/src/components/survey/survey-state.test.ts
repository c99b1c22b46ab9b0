import { describe, expect, it } from 'vitest';
import type { KioskSession, SurveyDue } from '@vitrina/contracts';
import { initialKioskState, kioskReducer } from '../../lib/kiosk-state';

// Only the id matters to the survey's transitions.
const session = { sessionId: 's1', offers: [] } as unknown as KioskSession;
const due: SurveyDue = { due: true, reasons: [{ id: 'prices', labels: { en: 'Prices', ru: 'Цены' } }], commentMaxLength: 280 };

describe('the survey in the kiosk state', () => {
  it('goes session → survey (keeping the session for the answer) → thanks → attract', () => {
    let s = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session } });
    s = kioskReducer(s, { type: 'busy' });
    s = kioskReducer(s, { type: 'survey', due });
    expect(s).toMatchObject({ screen: 'survey', busy: false, survey: { reasons: due.reasons, commentMaxLength: 280, phase: 'ask' } });
    expect(s.session?.sessionId).toBe('s1');
    s = kioskReducer(s, { type: 'survey-thanks' });
    expect(s.survey?.phase).toBe('thanks');
    expect(kioskReducer(s, { type: 'reset' })).toEqual(initialKioskState);
  });

  it('is never shown without a session, and a new card replaces it', () => {
    expect(kioskReducer(initialKioskState, { type: 'survey', due })).toBe(initialKioskState);
    let s = kioskReducer(initialKioskState, { type: 'identified', result: { status: 'known', session } });
    s = kioskReducer(s, { type: 'survey', due });
    s = kioskReducer(s, { type: 'identified', result: { status: 'known', session: { ...session, sessionId: 's2' } } });
    expect(s.screen).toBe('session');
    expect(s.survey).toBeNull();
  });
});
