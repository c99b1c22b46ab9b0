import type { ErrorCode } from '@vitrina/contracts';

/** Problems the page detects itself, besides the server's error codes. */
export type ClientProblem = 'OFFLINE' | 'TIMEOUT';
export type ProblemKey = ErrorCode | ClientProblem;

export interface FriendlyMessage {
  title: string;
  hint: string;
}

const GENERIC: FriendlyMessage = {
  title: 'Something went wrong',
  hint: 'Please try again, or ask a member of staff for help.',
};

/** What a shopper reads. Never the server's message: it is written for developers. */
const MESSAGES: Partial<Record<ProblemKey, FriendlyMessage>> = {
  OFFLINE: {
    title: 'This kiosk is offline',
    hint: 'We can’t look up cards right now. Please try again in a moment, or ask at the service desk.',
  },
  TIMEOUT: { title: 'That took too long', hint: 'Please try again in a moment.' },
  VITRINA_ERR_UNAVAILABLE: {
    title: 'We can’t look up cards right now',
    hint: 'Please try again in a moment, or ask at the service desk.',
  },
  VITRINA_ERR_CARD_INVALID: {
    title: 'We couldn’t read that number',
    hint: 'Please check the card or phone number and try again.',
  },
  VITRINA_ERR_SCAN_MALFORMED: {
    title: 'The scan didn’t come through',
    hint: 'Please hold the barcode steady under the scanner and try again.',
  },
  VITRINA_ERR_CARD_UNKNOWN: {
    title: 'We couldn’t find that number',
    hint: 'Please check it and try again, or scan your loyalty card.',
  },
  VITRINA_ERR_CARD_BLOCKED: {
    title: 'This card can’t be used here',
    hint: 'Please ask a member of staff for help.',
  },
  VITRINA_ERR_SESSION_UNKNOWN: { title: 'Your visit has timed out', hint: 'Please scan your card again.' },
  VITRINA_ERR_RATE_LIMITED: { title: 'One moment, please', hint: 'Please wait a few seconds and try again.' },
  VITRINA_ERR_VALIDATION: {
    title: 'Something doesn’t look right',
    hint: 'Please check what you entered and try again.',
  },
  VITRINA_ERR_CONSENT_REQUIRED: {
    title: 'Please agree to the program terms',
    hint: 'Joining needs your agreement to the loyalty program.',
  },
  VITRINA_ERR_OFFER_UNKNOWN: { title: 'This offer has ended', hint: 'Other offers are still available.' },
  VITRINA_ERR_OFFER_NOT_ELIGIBLE: {
    title: 'This offer isn’t available on your card',
    hint: 'Other offers are still available.',
  },
  VITRINA_ERR_CONFLICT: { title: 'Already done', hint: 'This was already saved.' },
};

export function friendlyMessage(key: ProblemKey | string): FriendlyMessage {
  return MESSAGES[key as ProblemKey] ?? GENERIC;
}
