import type { LoyaltySettings } from '@vitrina/contracts';
import { consoleI18n } from './i18n';

/**
 * The loyalty settings form: each field's label, unit and bounds (the contract's), and
 * text ↔ settings conversion. Kept apart from the page so the bounds are tested.
 */
export interface SettingField {
  key: Exclude<keyof LoyaltySettings, 'tierReviewMonthDay' | 'birthdayPromotionId' | 'voucherMinPoints' | 'voucherValidDays'>;
  label: string;
  hint: string;
  min: number;
  max: number;
}

export const SETTING_FIELDS: SettingField[] = [
  { key: 'earnRateBp', label: 'Earn rate (basis points)', hint: 'Points value earned per net spend; 100 bp = 1%', min: 0, max: 100_000 },
  { key: 'pointValueMinor', label: 'Point value (cents)', hint: 'What one point is worth when redeemed', min: 1, max: 10_000 },
  { key: 'validityDays', label: 'Points valid for (days)', hint: 'Each award expires on its own date', min: 1, max: 3650 },
  { key: 'pendingDays', label: 'Pending period (days)', hint: 'Points usable after the return window', min: 0, max: 365 },
  { key: 'tierWindowDays', label: 'Tier window (days)', hint: 'Rolling spend window for tiers', min: 1, max: 3650 },
  { key: 'defaultMarginBp', label: 'Default margin (basis points)', hint: 'Used for ROI where a product has no margin', min: 0, max: 10_000 },
  { key: 'referrerPoints', label: 'Referrer reward (points)', hint: 'When the referred friend first buys', min: 0, max: 1_000_000 },
  { key: 'refereePoints', label: 'Referee reward (points)', hint: 'For the new member', min: 0, max: 1_000_000 },
  { key: 'birthdayWindowDays', label: 'Birthday window (days)', hint: 'Birthday offer valid this many days', min: 1, max: 60 },
];

/** A field's label and hint in the user's language (literal keys, for the catalogue test); the English ones above are the fallback. */
export function settingWords(f: SettingField): { label: string; hint: string } {
  const { t } = consoleI18n.current();
  switch (f.key) {
    case 'earnRateBp':
      return { label: t('loyalty.fields.earnRate'), hint: t('loyalty.fields.earnRateHint') };
    case 'pointValueMinor':
      return { label: t('loyalty.fields.pointValue'), hint: t('loyalty.fields.pointValueHint') };
    case 'validityDays':
      return { label: t('loyalty.fields.validity'), hint: t('loyalty.fields.validityHint') };
    case 'pendingDays':
      return { label: t('loyalty.fields.pending'), hint: t('loyalty.fields.pendingHint') };
    case 'tierWindowDays':
      return { label: t('loyalty.fields.tierWindow'), hint: t('loyalty.fields.tierWindowHint') };
    case 'defaultMarginBp':
      return { label: t('loyalty.fields.margin'), hint: t('loyalty.fields.marginHint') };
    case 'referrerPoints':
      return { label: t('loyalty.fields.referrer'), hint: t('loyalty.fields.referrerHint') };
    case 'refereePoints':
      return { label: t('loyalty.fields.referee'), hint: t('loyalty.fields.refereeHint') };
    case 'birthdayWindowDays':
      return { label: t('loyalty.fields.birthdayWindow'), hint: t('loyalty.fields.birthdayWindowHint') };
  }
}

export type SettingsDraft = Record<SettingField['key'], string> & { tierReviewMonthDay: string; birthdayPromotionId: string };

export function toDraft(s: LoyaltySettings): SettingsDraft {
  const d = { tierReviewMonthDay: s.tierReviewMonthDay, birthdayPromotionId: s.birthdayPromotionId ?? '' } as SettingsDraft;
  for (const f of SETTING_FIELDS) d[f.key] = String(s[f.key]);
  return d;
}

/** Draft → settings, or the list of fields to fix. */
export function fromDraft(d: SettingsDraft): { settings: LoyaltySettings | null; problems: string[] } {
  const { t, fmt } = consoleI18n.current();
  const problems: string[] = [];
  const out: Partial<LoyaltySettings> = {};
  for (const f of SETTING_FIELDS) {
    const text = d[f.key].trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < f.min || n > f.max) problems.push(t('loyalty.problems.wholeNumber', { label: settingWords(f).label, min: fmt.count(f.min), max: fmt.count(f.max) }));
    else out[f.key] = n;
  }
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d.tierReviewMonthDay.trim())) problems.push(t('loyalty.problems.reviewDay'));
  out.tierReviewMonthDay = d.tierReviewMonthDay.trim();
  const promo = d.birthdayPromotionId.trim();
  if (promo && !/^[A-Za-z0-9_.:-]{1,64}$/.test(promo)) problems.push(t('loyalty.problems.birthdayPromotion'));
  out.birthdayPromotionId = promo || null;
  return problems.length > 0 ? { settings: null, problems } : { settings: out as LoyaltySettings, problems };
}
