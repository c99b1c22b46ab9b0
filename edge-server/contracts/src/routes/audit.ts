import { Type } from 'typebox';
import { AuditExportQuery, AuditPage, AuditQuery } from '../audit.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['audit'];
const security = [{ bearer: [] }];

/** The audit log of staff writes, for admins. */
export const auditRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/audit', tags, security, querystring: AuditQuery, response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } }),
  /** The same rows as CSV (streamed, oldest first), for the filters given. */
  exportCsv: defineRoute({
    method: 'GET', path: '/api/v1/audit/export.csv', tags, security, querystring: AuditExportQuery,
    response: { 200: Type.String({ description: 'text/csv' }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
  }),
};
