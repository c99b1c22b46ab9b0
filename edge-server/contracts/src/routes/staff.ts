import { Type } from 'typebox';
import { CreateStaffRequest, ResetStaffPasswordRequest, SetStaffDisabledRequest, StaffAccount, StaffWithTemporaryPassword, UpdateStaffRequest } from '../auth.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['staff'];
const security = [{ bearer: [] }];
const params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const refusals = { 401: ErrorResponse, 403: ErrorResponse } as const;

/** Staff accounts, for admins. Changing one's own password is `ROUTES.auth.changePassword`. */
export const staffRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/staff', tags, security, response: { 200: Type.Array(StaffAccount), ...refusals } }),
  /** 409 VITRINA_ERR_CONFLICT for a taken username; 422 VITRINA_ERR_PASSWORD_WEAK for a weak temporary password. */
  create: defineRoute({
    method: 'POST', path: '/api/v1/staff', tags, security, body: CreateStaffRequest,
    response: { 201: StaffWithTemporaryPassword, ...refusals, 409: ErrorResponse, 422: ErrorResponse },
  }),
  /** 409 VITRINA_ERR_LAST_ADMIN when it would demote the last active admin. */
  update: defineRoute({
    method: 'PATCH', path: '/api/v1/staff/:id', tags, security, params, body: UpdateStaffRequest,
    response: { 200: StaffAccount, ...refusals, 404: ErrorResponse, 409: ErrorResponse },
  }),
  /** Disabling ends the account's sessions at once; 409 VITRINA_ERR_LAST_ADMIN for the last active admin. */
  setDisabled: defineRoute({
    method: 'POST', path: '/api/v1/staff/:id/disabled', tags, security, params, body: SetStaffDisabledRequest,
    response: { 200: StaffAccount, ...refusals, 404: ErrorResponse, 409: ErrorResponse },
  }),
  /** A temporary password the user must replace at the next sign-in; ends the account's sessions. */
  resetPassword: defineRoute({
    method: 'POST', path: '/api/v1/staff/:id/reset-password', tags, security, params, body: ResetStaffPasswordRequest,
    response: { 200: StaffWithTemporaryPassword, ...refusals, 404: ErrorResponse, 422: ErrorResponse },
  }),
};
