import { describe, expect, it } from 'vitest';
import { ApiError, describeError, networkError, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the server code, message and details', () => {
    const e = toApiError(400, { error: { code: 'VITRINA_ERR_VALIDATION', message: 'Bad body.', details: [{ path: '/name', message: 'too short' }] } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('VITRINA_ERR_VALIDATION');
    expect(e.message).toBe('Bad body.');
    expect(describeError(e)).toBe('Bad body. (/name: too short)');
  });
  it('flags 401 as unauthorized (go to sign-in)', () => {
    const e = toApiError(401, { error: { code: 'VITRINA_ERR_UNAUTHORIZED', message: 'Sign in.' } });
    expect(e.isUnauthorized).toBe(true);
    expect(toApiError(403, { error: { code: 'VITRINA_ERR_FORBIDDEN', message: 'No.' } }).isUnauthorized).toBe(false);
  });
  it('treats a 404 for an unknown route as "not available", but not a 404 for an unknown thing', () => {
    expect(toApiError(404, { error: { code: 'VITRINA_ERR_NOT_FOUND', message: 'No route for GET /api/v1/analytics/program' } }).isNotAvailable).toBe(true);
    expect(toApiError(404, { error: { code: 'VITRINA_ERR_NOT_FOUND', message: 'No zone "x".' } }).isNotAvailable).toBe(false);
    expect(toApiError(404, undefined).isNotAvailable).toBe(true);
    expect(toApiError(404, { error: { code: 'VITRINA_ERR_CUSTOMER_UNKNOWN', message: 'No such customer.' } }).isNotAvailable).toBe(false);
  });
  it('gives a readable message when the body is not an error envelope (proxy HTML, empty)', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').message).toBe('The server had a problem. Try again.');
    expect(toApiError(429, undefined).message).toMatch(/Too many requests/);
    expect(toApiError(418, { error: 'teapot' }).message).toBe('Request failed (HTTP 418).');
    expect(toApiError(418, { error: 'teapot' }).code).toBe('CONSOLE_BAD_RESPONSE');
  });
  it('describes network failures and plain errors', () => {
    expect(networkError().code).toBe('CONSOLE_NETWORK');
    expect(describeError(networkError())).toMatch(/Cannot reach/);
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('x')).toBe('Something went wrong.');
  });
});
