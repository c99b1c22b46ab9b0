import { Type, type Static } from 'typebox';

/**
 * The closed set of error codes the edge server answers with, over HTTP and socket acks.
 * The HTTP status and default message of each live in edge-server/src/errors/catalogue.ts;
 * clients switch on the code, never on the message.
 */
export const ERROR_CODES = [
  'VITRINA_ERR_VALIDATION',
  'VITRINA_ERR_INVALID_JSON',
  'VITRINA_ERR_PAYLOAD_TOO_LARGE',
  'VITRINA_ERR_NOT_FOUND',
  'VITRINA_ERR_UNAUTHORIZED',
  'VITRINA_ERR_FORBIDDEN',
  'VITRINA_ERR_CONFLICT',
  'VITRINA_ERR_RATE_LIMITED',
  'VITRINA_ERR_INTERNAL',
  'VITRINA_ERR_UNAVAILABLE',
  // staff accounts
  'VITRINA_ERR_PASSWORD_CHANGE_REQUIRED',
  'VITRINA_ERR_PASSWORD_WEAK',
  'VITRINA_ERR_WRONG_PASSWORD',
  'VITRINA_ERR_ACCOUNT_DISABLED',
  'VITRINA_ERR_LAST_ADMIN',
  // devices and pairing
  'VITRINA_ERR_DEVICE_UNKNOWN',
  'VITRINA_ERR_DEVICE_REVOKED',
  'VITRINA_ERR_NOT_PAIRED',
  // cards and scans
  'VITRINA_ERR_SCAN_MALFORMED',
  'VITRINA_ERR_CARD_INVALID',
  'VITRINA_ERR_CARD_UNKNOWN',
  'VITRINA_ERR_CARD_BLOCKED',
  'VITRINA_ERR_SESSION_UNKNOWN',
  // customers and consent
  'VITRINA_ERR_CUSTOMER_UNKNOWN',
  'VITRINA_ERR_CONSENT_REQUIRED',
  'VITRINA_ERR_BIRTHDAY_INVALID',
  // offers, loyalty, money
  'VITRINA_ERR_OFFER_UNKNOWN',
  'VITRINA_ERR_OFFER_NOT_ELIGIBLE',
  'VITRINA_ERR_PRODUCT_UNKNOWN',
  'VITRINA_ERR_RECEIPT_INVALID',
  'VITRINA_ERR_RECEIPT_UNKNOWN',
  'VITRINA_ERR_REFUND_EXCEEDS_PURCHASE',
  'VITRINA_ERR_AMOUNT_OUT_OF_RANGE',
  'VITRINA_ERR_INSUFFICIENT_POINTS',
  'VITRINA_ERR_INSUFFICIENT_FUNDS',
  'VITRINA_ERR_CODE_UNKNOWN',
  'VITRINA_ERR_CODE_ALREADY_USED',
  'VITRINA_ERR_CODE_LIMIT_REACHED',
  'VITRINA_ERR_CAMPAIGN_ENDED',
  'VITRINA_ERR_BUDGET_EXHAUSTED',
  // kiosk card: promo codes claimed to a card, referrals, points vouchers
  'VITRINA_ERR_CODE_EXPIRED',
  'VITRINA_ERR_CODE_NOT_FOR_CUSTOMER',
  'VITRINA_ERR_REFERRAL_UNKNOWN',
  'VITRINA_ERR_REFERRAL_SELF',
  'VITRINA_ERR_VOUCHER_UNAVAILABLE',
  'VITRINA_ERR_IMPORT_INVALID',
  'VITRINA_ERR_IMPORT_MALFORMED',
  'VITRINA_ERR_IMPORT_UNSUPPORTED',
  'VITRINA_ERR_IMPORT_ENCODING',
  // the end-of-session survey
  'VITRINA_ERR_SURVEY_ALREADY_ANSWERED',
  'VITRINA_ERR_SURVEY_NOT_DUE',
  // signage layouts, schedules, emergency override
  'VITRINA_ERR_LAYOUT_UNKNOWN',
  'VITRINA_ERR_LAYOUT_INVALID',
  'VITRINA_ERR_LAYOUT_IN_USE',
  'VITRINA_ERR_SCHEDULE_INVALID',
  'VITRINA_ERR_EMERGENCY_OVERLAP',
  'VITRINA_ERR_EMERGENCY_ENDED',
  // model
  'VITRINA_ERR_MODEL_INVALID',
  'VITRINA_ERR_TRAINING_RUNNING',
  // media library, proof of play, fleet (issue 10)
  'VITRINA_ERR_MEDIA_UNKNOWN',
  'VITRINA_ERR_MEDIA_EMPTY',
  'VITRINA_ERR_MEDIA_TOO_LARGE',
  'VITRINA_ERR_MEDIA_TYPE_UNSUPPORTED',
  'VITRINA_ERR_MEDIA_TYPE_MISMATCH',
  'VITRINA_ERR_MEDIA_UNSAFE',
  'VITRINA_ERR_MEDIA_UNREADABLE',
  'VITRINA_ERR_MEDIA_IN_USE',
  'VITRINA_ERR_PLAY_BATCH_INVALID',
  'VITRINA_ERR_PLAY_CLOCK_AHEAD',
  'VITRINA_ERR_DEVICE_OFFLINE',
  'VITRINA_ERR_SCREENSHOT_TIMEOUT',
  'VITRINA_ERR_SCREENSHOT_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = Type.Unsafe<ErrorCode>({ type: 'string', enum: [...ERROR_CODES] });

export const ErrorInfo = Type.Object({
  code: ErrorCodeSchema,
  message: Type.String(),
  /** Field-level details for validation errors; never internal details. */
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});
export type ErrorInfo = Static<typeof ErrorInfo>;

/** Body of every HTTP error response. */
export const ErrorResponse = Type.Object({ error: ErrorInfo });
export type ErrorResponse = Static<typeof ErrorResponse>;
