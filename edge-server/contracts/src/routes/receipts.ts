import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { ImportQuery, ImportReport, ReceiptInput, ReceiptResult, SaleReceiptInput } from '../receipts.js';
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
};
