import type { TFunction } from 'i18next';
import type { ErrorCode } from '@vitrina/contracts';

/**
 * Problems the page detects itself, besides the server's error codes. PHONE_* are the server's
 * codes read in the context of the optional phone field of enrollment (see `enrollProblem`).
 */
export type ClientProblem = 'OFFLINE' | 'TIMEOUT' | 'PHONE_INVALID' | 'PHONE_TAKEN' | 'EMAIL_INVALID' | 'EMAIL_TAKEN';
export type ProblemKey = ErrorCode | ClientProblem;

export interface FriendlyMessage {
  title: string;
  hint: string;
}

/**
 * Which catalogue entry (`errors.<id>.title` / `.hint` in src/i18n/) a shopper reads for a problem.
 * Never the server's message: it is written for developers. Unlisted codes get `generic`.
 */
export const PROBLEM_MESSAGES = {
  OFFLINE: 'offline',
  TIMEOUT: 'timeout',
  PHONE_INVALID: 'phoneInvalid',
  PHONE_TAKEN: 'phoneTaken',
  VITRINA_ERR_UNAVAILABLE: 'unavailable',
  VITRINA_ERR_CARD_INVALID: 'cardInvalid',
  VITRINA_ERR_SCAN_MALFORMED: 'scanMalformed',
  VITRINA_ERR_CARD_UNKNOWN: 'cardUnknown',
  VITRINA_ERR_CARD_BLOCKED: 'cardBlocked',
  VITRINA_ERR_SESSION_UNKNOWN: 'sessionUnknown',
  VITRINA_ERR_RATE_LIMITED: 'rateLimited',
  VITRINA_ERR_VALIDATION: 'validation',
  VITRINA_ERR_CONSENT_REQUIRED: 'consentRequired',
  VITRINA_ERR_OFFER_UNKNOWN: 'offerUnknown',
  VITRINA_ERR_OFFER_NOT_ELIGIBLE: 'offerNotEligible',
  VITRINA_ERR_CONFLICT: 'conflict',
  // enrollment's optional fields and My card
  EMAIL_INVALID: 'emailInvalid',
  EMAIL_TAKEN: 'emailTaken',
  VITRINA_ERR_BIRTHDAY_INVALID: 'birthdayInvalid',
  VITRINA_ERR_REFERRAL_UNKNOWN: 'referralUnknown',
  VITRINA_ERR_REFERRAL_SELF: 'referralSelf',
  VITRINA_ERR_CODE_ALREADY_USED: 'codeUsed',
  VITRINA_ERR_CODE_UNKNOWN: 'codeUnknown',
  VITRINA_ERR_CODE_LIMIT_REACHED: 'codeLimit',
  VITRINA_ERR_CODE_EXPIRED: 'codeExpired',
  VITRINA_ERR_CODE_NOT_FOR_CUSTOMER: 'codeNotForYou',
  VITRINA_ERR_BUDGET_EXHAUSTED: 'budgetExhausted',
  VITRINA_ERR_INSUFFICIENT_POINTS: 'insufficientPoints',
  VITRINA_ERR_VOUCHER_UNAVAILABLE: 'voucherUnavailable',
  VITRINA_ERR_SURVEY_ALREADY_ANSWERED: 'surveyAlreadyAnswered',
  VITRINA_ERR_SURVEY_NOT_DUE: 'surveyNotDue',
  VITRINA_ERR_REWARD_OUT_OF_STOCK: 'rewardOutOfStock',
  VITRINA_ERR_REWARD_LIMIT_REACHED: 'rewardLimit',
  VITRINA_ERR_REWARD_INACTIVE: 'rewardInactive',
} as const satisfies Partial<Record<ProblemKey, string>>;

/** Every catalogue key this file reads (the catalogue test checks them). */
export const PROBLEM_MESSAGE_KEYS = ['generic', ...Object.values(PROBLEM_MESSAGES)].flatMap((id) => [`errors.${id}.title`, `errors.${id}.hint`]);

export function friendlyMessage(key: ProblemKey | string, t: TFunction): FriendlyMessage {
  const id: string = (PROBLEM_MESSAGES as Partial<Record<string, string>>)[key] ?? 'generic';
  return { title: t(`errors.${id}.title`), hint: t(`errors.${id}.hint`) };
}

/**
 * What an enrollment refusal means to the shopper. With a phone number in the request, the
 * server's "invalid number" can only be about that phone (the card was checked when scanned), and
 * "already registered" almost always is too (the card's own race is rare), so the shopper is
 * pointed at the phone field instead of reading about their card.
 */
export function enrollProblem(code: ProblemKey, sentPhone: boolean, sentEmail = false): ProblemKey {
  // A malformed e-mail is the only VALIDATION a well-formed kiosk request can earn (a bad phone is CARD_INVALID).
  if (sentEmail && code === 'VITRINA_ERR_VALIDATION') return 'EMAIL_INVALID';
  if (sentEmail && !sentPhone && code === 'VITRINA_ERR_CONFLICT') return 'EMAIL_TAKEN';
  if (!sentPhone) return code;
  if (code === 'VITRINA_ERR_CARD_INVALID' || code === 'VITRINA_ERR_VALIDATION') return 'PHONE_INVALID';
  if (code === 'VITRINA_ERR_CONFLICT') return 'PHONE_TAKEN';
  return code;
}

/** The problems the phone field shows beside itself (besides the toast). */
export function isPhoneProblem(key: ProblemKey | undefined): key is 'PHONE_INVALID' | 'PHONE_TAKEN' {
  return key === 'PHONE_INVALID' || key === 'PHONE_TAKEN';
}
