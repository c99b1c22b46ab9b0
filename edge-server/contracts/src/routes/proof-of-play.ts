import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { ProofOfPlayQuery, ProofOfPlayReport } from '../proof-of-play.js';
import { defineRoute } from './define-route.js';

const tags = ['proof-of-play'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** What the screens actually played, reported by them over their sockets (`signage:proof-of-play`). */
export const proofOfPlayRoutes = {
  report: defineRoute({ method: 'GET', path: '/api/v1/proof-of-play/report', tags, security, querystring: ProofOfPlayQuery, response: { 200: ProofOfPlayReport, ...errors } }),
  /** One line per day × zone × item (plays, seconds), then the takeovers per day × zone. */
  exportCsv: defineRoute({
    method: 'GET', path: '/api/v1/proof-of-play/export.csv', tags, security, querystring: ProofOfPlayQuery,
    response: { 200: Type.String({ description: 'text/csv' }), ...errors },
  }),
};
