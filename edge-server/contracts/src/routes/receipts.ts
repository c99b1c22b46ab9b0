import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { CatalogImportJob, CatalogImportJobQuery, AnyImportJob, ImportJobList, ImportJobQuery, MembersImportJob } from '../jobs.js';
import { ImportJob, ImportQuery, ImportReport, ReceiptInput, ReceiptResult, SaleReceiptInput } from '../receipts.js';
import { defineRoute } from './define-route.js';

const tags = ['receipts'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Receipts from the till. */
export const receiptRoutes = {
  post: defineRoute({
    method: 'POST', path: '/api/v1/receipts', tags,
    description: 'A receipt from the till (sale or return). Idempotent by receiptId: a retry returns the first result and changes nothing.',
    body: ReceiptInput, response: { 200: ReceiptResult, ...errors },
  }),
  quote: defineRoute({
    method: 'POST', path: '/api/v1/receipts/quote', tags, description: 'Prices a sale (promotions, codes, points) without writing anything.',
    body: SaleReceiptInput, response: { 200: ReceiptResult, ...errors },
  }),
  get: defineRoute({ method: 'GET', path: '/api/v1/receipts/:receiptId', tags, params: Type.Object({ receiptId: Id }), response: { 200: ReceiptResult, ...errors } }),
};

/** Bulk imports; the body is a CSV stream, not JSON. */
export const importRoutes = {
  receipts: defineRoute({
    method: 'POST', path: '/api/v1/imports/receipts', tags,
    description: 'Imports historical sale lines (text/csv: receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor).',
    contentType: 'text/csv', querystring: ImportQuery,
    response: { 200: ImportReport, 400: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
  receiptsJob: defineRoute({
    method: 'POST', path: '/api/v1/imports/receipts/jobs', tags,
    description: 'Starts the same import as a background job: the upload is stored, the answer (202) names the job; poll it with GET /api/v1/imports/jobs/:jobId.',
    contentType: 'text/csv', querystring: ImportJobQuery,
    response: { 202: ImportJob, 400: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
  membersJob: defineRoute({
    method: 'POST', path: '/api/v1/imports/members/jobs', tags,
    description: 'Starts a members CSV import (the columns of POST /api/v1/imports/members) as a background job: the upload is stored, the answer (202) names the job.',
    contentType: 'text/csv', querystring: ImportJobQuery,
    response: { 202: MembersImportJob, 400: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
  catalogJob: defineRoute({
    method: 'POST', path: '/api/v1/imports/catalog/jobs', tags,
    description: 'Starts a catalogue import (one file: CommerceML import.xml or offers.xml, or the product CSV with ?format=csv) as a background job; the file is applied whole or not at all.',
    contentType: 'application/xml', querystring: CatalogImportJobQuery,
    response: { 202: CatalogImportJob, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
  jobs: defineRoute({
    method: 'GET', path: '/api/v1/imports/jobs', tags, description: 'The import jobs running now and the latest ended ones, newest first.',
    response: { 200: ImportJobList },
  }),
  job: defineRoute({
    method: 'GET', path: '/api/v1/imports/jobs/:jobId', tags, description: 'A background import: status, progress, and its report once it ended.',
    params: Type.Object({ jobId: Id }), response: { 200: AnyImportJob, 404: ErrorResponse },
  }),
  cancelJob: defineRoute({
    method: 'POST', path: '/api/v1/imports/jobs/:jobId/cancel', tags,
    description: 'Cancels a running import and waits until it stopped. Receipts and members: the batches committed before stay (a re-run skips them), nothing is half-written. Catalogue: nothing of the file is applied unless its apply had already committed. An ended job is returned unchanged.',
    params: Type.Object({ jobId: Id }), response: { 200: AnyImportJob, 404: ErrorResponse },
  }),
};
