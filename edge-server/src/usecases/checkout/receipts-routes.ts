import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, Id, ReceiptInput, ReceiptResult, SaleReceiptInput } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../../domains/auth/index.js';
import type { ReceiptsService } from './receipts-service.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function receiptsRoutes({ receipts, guard }: { receipts: ReceiptsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const tags = ['receipts'];

    app.post('/receipts', {
      schema: {
        tags,
        description: 'A receipt from the till (sale or return). Idempotent by receiptId: a retry returns the first result and changes nothing.',
        body: ReceiptInput,
        response: { 200: ReceiptResult, ...errors },
      },
      preHandler: staff,
    }, (req) => receipts.post(req.body));

    app.post('/receipts/quote', {
      schema: { tags, description: 'Prices a sale (promotions, codes, points) without writing anything.', body: SaleReceiptInput, response: { 200: ReceiptResult, ...errors } },
      preHandler: staff,
    }, (req) => receipts.quote(req.body));

    app.get('/receipts/:receiptId', { schema: { tags, params: Type.Object({ receiptId: Id }), response: { 200: ReceiptResult, ...errors } }, preHandler: staff }, (req) => receipts.get(req.params.receiptId));
  };
}
