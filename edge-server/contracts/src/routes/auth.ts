import { LoginRequest, LoginResponse, StaffUser } from '../auth.js';
import { Ok } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['auth'];

export const authRoutes = {
  login: defineRoute({ method: 'POST', path: '/api/v1/auth/login', tags, body: LoginRequest, response: { 200: LoginResponse, 401: ErrorResponse } }),
  me: defineRoute({ method: 'GET', path: '/api/v1/auth/me', tags, security: [{ bearer: [] }], response: { 200: StaffUser, 401: ErrorResponse } }),
  logout: defineRoute({ method: 'POST', path: '/api/v1/auth/logout', tags, response: { 200: Ok } }),
};
