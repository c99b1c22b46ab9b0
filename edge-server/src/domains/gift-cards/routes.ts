import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, GiftCardBalance, GiftCardMovementRequest, IssueGiftCardRequest, IssueGiftCardResponse } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { GiftCardsService } from './service.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Gift cards: issue, balance, redeem, refund. */
export function giftCardRoutes({ giftCards, guard }: { giftCards: GiftCardsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');
    const managers = guard.requireRole('admin', 'marketer');

    app.post('/gift-cards', { schema: { tags: ['gift-cards'], body: IssueGiftCardRequest, response: { 201: IssueGiftCardResponse, ...errors } }, preHandler: managers },
      async (req, reply) => reply.status(201).send(await giftCards.issue(req.body.amountMinor, req.body.idempotencyKey)));
    // POST, not GET: the number is a bearer secret and must not land in URLs or access logs.
    app.post('/gift-cards/balance', {
      schema: { tags: ['gift-cards'], body: Type.Object({ number: Type.String({ minLength: 8, maxLength: 40 }) }, { additionalProperties: false }), response: { 200: GiftCardBalance, ...errors } },
      preHandler: staff,
    }, (req) => giftCards.balance(req.body.number));
    app.post('/gift-cards/redeem', { schema: { tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }, preHandler: staff },
      (req) => giftCards.redeem(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));
    app.post('/gift-cards/refund', { schema: { tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }, preHandler: staff },
      (req) => giftCards.refund(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));
  };
}
