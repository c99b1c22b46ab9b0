import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, Id, ReceiptInput, ReceiptResult } from '@vitrina/contracts';
import { Type } from 'typebox';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const receiptsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole('admin', 'marketer', 'staff');
  const tags = ['receipts'];

  app.post('/receipts', {
    schema: {
      tags,
      description: 'A receipt from the till (sale or return). Idempotent by receiptId: a retry returns the first result and changes nothing.',
      body: ReceiptInput,
      response: { 200: ReceiptResult, ...errors },
    },
    preHandler: staff,
  }, (req) => app.receipts.post(req.body));

  app.get('/receipts/:receiptId', { schema: { tags, params: Type.Object({ receiptId: Id }), response: { 200: ReceiptResult, ...errors } }, preHandler: staff }, (req) => app.receipts.get(req.params.receiptId));
};
