import { describe, expect, it } from 'vitest';
import type { LoyaltySettings } from '@vitrina/contracts';
import { fromDraft, toDraft } from './loyalty-settings';

const settings: LoyaltySettings = {
  earnRateBp: 100, pointValueMinor: 1, validityDays: 365, pendingDays: 14, tierWindowDays: 365, tierReviewMonthDay: '01-15',
  defaultMarginBp: 2500, referrerPoints: 500, refereePoints: 250, birthdayPromotionId: null, birthdayWindowDays: 7,
};

describe('loyalty settings form', () => {
  it('round-trips settings through the text draft', () => {
    expect(fromDraft(toDraft(settings))).toEqual({ settings, problems: [] });
    expect(fromDraft({ ...toDraft(settings), birthdayPromotionId: ' bday ' }).settings?.birthdayPromotionId).toBe('bday');
  });
  it('refuses values outside the contract bounds, fractions and bad dates', () => {
    const { settings: s, problems } = fromDraft({ ...toDraft(settings), pointValueMinor: '0', validityDays: '1.5', pendingDays: '-1', tierReviewMonthDay: '13-01', birthdayPromotionId: 'bad id!' });
    expect(s).toBeNull();
    expect(problems).toHaveLength(5);
  });
});
