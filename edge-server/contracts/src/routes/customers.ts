import { Type } from 'typebox';
import {
  Consents, CustomerExport, CustomerProfile, EraseResponse, LedgerPage, LedgerPageQuery, MemberSearchQuery, MemberSearchResult, MembersImportReport,
} from '../customers.js';
import { ErrorResponse } from '../errors.js';
import { ImportQuery } from '../receipts.js';
import { defineRoute } from './define-route.js';

const tags = ['customers'];
const ById = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Members: search, profile and consents, ledger, right of access (export), erasure, and the members CSV import. */
export const customerRoutes = {
  search: defineRoute({
    method: 'GET', path: '/api/v1/customers', tags, querystring: MemberSearchQuery,
    description: 'Finds members by card number, phone or e-mail (exact, through the HMAC) or by the start of a first or last name.',
    response: { 200: MemberSearchResult, 400: ErrorResponse },
  }),
  get: defineRoute({ method: 'GET', path: '/api/v1/customers/:id', tags, params: ById, response: { 200: CustomerProfile, 404: ErrorResponse } }),
  ledger: defineRoute({
    method: 'GET', path: '/api/v1/customers/:id/ledger', tags, params: ById, querystring: LedgerPageQuery,
    description: "One page of the member's points ledger, newest first.",
    response: { 200: LedgerPage, 404: ErrorResponse },
  }),
  export: defineRoute({ method: 'GET', path: '/api/v1/customers/:id/export', tags, params: ById, response: { 200: CustomerExport, 404: ErrorResponse } }),
  erase: defineRoute({ method: 'POST', path: '/api/v1/customers/:id/erase', tags, params: ById, response: { 200: EraseResponse, 404: ErrorResponse, 409: ErrorResponse } }),
  setConsents: defineRoute({ method: 'PUT', path: '/api/v1/customers/:id/consents', tags, params: ById, body: Consents, response: { 200: CustomerProfile, 404: ErrorResponse } }),
  import: defineRoute({
    method: 'POST', path: '/api/v1/imports/members', tags,
    description: 'Imports members (text/csv, streamed; header and columns in edge-server/src/usecases/members-import/README.md). Re-running a file imports nothing new.',
    contentType: 'text/csv', querystring: ImportQuery,
    response: { 200: MembersImportReport, 400: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
};
