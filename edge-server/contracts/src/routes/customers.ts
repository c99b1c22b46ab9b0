import { Type } from 'typebox';
import { Consents, CustomerExport, CustomerProfile, EraseResponse } from '../customers.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['customers'];
const ById = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Data requests: a customer's profile and consents, right of access (export) and erasure. */
export const customerRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/v1/customers/:id', tags, params: ById, response: { 200: CustomerProfile, 404: ErrorResponse } }),
  export: defineRoute({ method: 'GET', path: '/api/v1/customers/:id/export', tags, params: ById, response: { 200: CustomerExport, 404: ErrorResponse } }),
  erase: defineRoute({ method: 'POST', path: '/api/v1/customers/:id/erase', tags, params: ById, response: { 200: EraseResponse, 404: ErrorResponse, 409: ErrorResponse } }),
  setConsents: defineRoute({ method: 'PUT', path: '/api/v1/customers/:id/consents', tags, params: ById, body: Consents, response: { 200: CustomerProfile, 404: ErrorResponse } }),
};
