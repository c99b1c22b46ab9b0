import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClaimReferralRequest, ErrorResponse, GiftCardBalance, GiftCardMovementRequest, Id, IssueGiftCardRequest, IssueGiftCardResponse, ReferralCode } from '@vitrina/contracts';
import { Type } from 'typebox';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Gift cards and referrals. */
export const giftCardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = app.requireRole('admin', 'marketer', 'staff');
  const managers = app.requireRole('admin', 'marketer');

  app.post('/gift-cards', { schema: { tags: ['gift-cards'], body: IssueGiftCardRequest, response: { 201: IssueGiftCardResponse, ...errors } }, preHandler: managers },
    async (req, reply) => reply.status(201).send(await app.giftCards.issue(req.body.amountMinor, req.body.idempotencyKey)));
  // POST, not GET: the number is a bearer secret and must not land in URLs or access logs.
  app.post('/gift-cards/balance', {
    schema: { tags: ['gift-cards'], body: Type.Object({ number: Type.String({ minLength: 8, maxLength: 40 }) }, { additionalProperties: false }), response: { 200: GiftCardBalance, ...errors } },
    preHandler: staff,
  }, (req) => app.giftCards.balance(req.body.number));
  app.post('/gift-cards/redeem', { schema: { tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }, preHandler: staff },
    (req) => app.giftCards.redeem(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));
  app.post('/gift-cards/refund', { schema: { tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }, preHandler: staff },
    (req) => app.giftCards.refund(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));

  app.get('/referrals/:customerId', { schema: { tags: ['referrals'], params: Type.Object({ customerId: Id }), response: { 200: ReferralCode, ...errors } }, preHandler: staff },
    (req) => app.referrals.codeOf(req.params.customerId));
  app.post('/referrals/claim', {
    schema: { tags: ['referrals'], body: ClaimReferralRequest, response: { 200: Type.Object({ referrerId: Type.String(), refereeId: Type.String() }), ...errors } },
    preHandler: staff,
  }, (req) => app.referrals.claim(req.body.code, req.body.refereeCustomerId));
};
