import { ChangePasswordRequest, LoginRequest, LoginResponse, StaffUser } from '../auth.js';
import { Ok } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['auth'];

export const authRoutes = {
  login: defineRoute({ method: 'POST', path: '/api/v1/auth/login', tags, body: LoginRequest, response: { 200: LoginResponse, 401: ErrorResponse, 429: ErrorResponse } }),
  me: defineRoute({ method: 'GET', path: '/api/v1/auth/me', tags, security: [{ bearer: [] }], response: { 200: StaffUser, 401: ErrorResponse } }),
  logout: defineRoute({ method: 'POST', path: '/api/v1/auth/logout', tags, response: { 200: Ok } }),
  /**
   * The signed-in user's own password (the current one, and a new one that passes the policy:
   * 422 VITRINA_ERR_PASSWORD_WEAK; a wrong current one is 403 VITRINA_ERR_WRONG_PASSWORD). Ends the user's other sessions and answers a fresh one.
   */
  changePassword: defineRoute({
    method: 'POST', path: '/api/v1/auth/password', tags, security: [{ bearer: [] }], body: ChangePasswordRequest,
    response: { 200: LoginResponse, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse },
  }),
};
