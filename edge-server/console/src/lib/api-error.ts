import type { ErrorCode, ErrorInfo } from '@vitrina/contracts';
import { consoleI18n } from './i18n';

/**
 * Every failed API call becomes one ApiError. The server's `{ error: { code, message } }`
 * body is kept as is; network failures and non-JSON answers (a proxy's HTML 502) get a
 * client-side code so pages can switch on `code` and always show a readable `message`.
 */
export type ClientErrorCode = 'CONSOLE_NETWORK' | 'CONSOLE_BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: NonNullable<ErrorInfo['details']> = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The session is gone: the app returns to the sign-in screen. */
  get isUnauthorized() {
    return this.status === 401;
  }

  /**
   * The route does not exist on this server (older build, feature not shipped yet), as opposed
   * to "this campaign/zone does not exist". The server's not-found handler uses the generic
   * VITRINA_ERR_NOT_FOUND with "No route for …"; unknown things get specific codes or messages.
   */
  get isNotAvailable() {
    if (this.status !== 404) return false;
    if (this.code === 'CONSOLE_BAD_RESPONSE') return true;
    return this.code === 'VITRINA_ERR_NOT_FOUND' && this.message.startsWith('No route for');
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has ended. Please sign in again.',
  403: 'Your role is not allowed to do this.',
  404: 'Not found on this server.',
  409: 'This conflicts with the current state. Reload and try again.',
  413: 'That is too large to send.',
  429: 'Too many requests. Wait a moment and try again.',
  503: 'The server is not ready. Try again shortly.',
};

function isErrorBody(body: unknown): body is { error: ErrorInfo } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as ErrorInfo).code === 'string' && typeof (e as ErrorInfo).message === 'string';
}

/** Maps an HTTP status and its (parsed or unparseable) body to an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    return new ApiError(status, body.error.code, body.error.message, details);
  }
  const message = FALLBACK_MESSAGES[status] ?? (status >= 500 ? 'The server had a problem. Try again.' : `Request failed (HTTP ${status}).`);
  return new ApiError(status, 'CONSOLE_BAD_RESPONSE', message);
}

/** fetch() itself threw: offline, server down, DNS, CORS. */
export function networkError(): ApiError {
  return new ApiError(0, 'CONSOLE_NETWORK', 'Cannot reach the store server. Check the connection and try again.');
}

/**
 * The words for an error in the user's language. The server speaks English: in English its message
 * (the most specific) is shown as is; in another language the catalogue's `errors.<code>` for the
 * code (or `errors.status.<status>` for an answer without an envelope), the server's message when
 * the catalogue has none (a code newer than this console).
 */
function errorWords(err: ApiError): string {
  const { t, language } = consoleI18n.current();
  if (language === 'en') return err.message;
  if (err.code === 'CONSOLE_NETWORK') return t('errors.network');
  if (err.code === 'CONSOLE_BAD_RESPONSE') {
    // A success status with a body the console cannot read (an empty file, a proxy's page).
    if (err.status < 400) return t('errors.unreadable');
    return t(`errors.status.${err.status}`, { defaultValue: err.status >= 500 ? t('errors.server') : t('errors.requestFailed', { status: err.status }) });
  }
  return t(`errors.${err.code}`, { defaultValue: err.message });
}

/** One line for a form: the message, plus the first field-level detail when there is one. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const first = err.details[0];
    const words = errorWords(err);
    return first ? `${words} (${first.path || 'body'}: ${first.message})` : words;
  }
  if (err instanceof Error) return err.message;
  return consoleI18n.current().t('errors.unknown');
}
