import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import {
  ClaimReferralRequest, ClaimReferralResult, GiftCardBalance, GiftCardBalanceRequest, GiftCardList, GiftCardMovementRequest, GiftCardStatusRequest, IssueGiftCardRequest, IssueGiftCardResponse,
  ReferralCode,
} from '../promotions.js';
import { defineRoute } from './define-route.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const giftCardRoutes = {
  /** Answers the card number, once. */
  issue: defineRoute({ method: 'POST', path: '/api/v1/gift-cards', tags: ['gift-cards'], body: IssueGiftCardRequest, response: { 201: IssueGiftCardResponse, ...errors } }),
  /** POST, not GET: the number is a bearer secret and must not land in URLs or access logs. */
  balance: defineRoute({ method: 'POST', path: '/api/v1/gift-cards/balance', tags: ['gift-cards'], body: GiftCardBalanceRequest, response: { 200: GiftCardBalance, ...errors } }),
  redeem: defineRoute({ method: 'POST', path: '/api/v1/gift-cards/redeem', tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }),
  refund: defineRoute({ method: 'POST', path: '/api/v1/gift-cards/refund', tags: ['gift-cards'], body: GiftCardMovementRequest, response: { 200: GiftCardBalance, ...errors } }),
  /** Issued cards (last 4 only), newest first, for the console. */
  list: defineRoute({ method: 'GET', path: '/api/v1/gift-cards', tags: ['gift-cards'], response: { 200: GiftCardList } }),
  /** Block or unblock a card by id (admin, marketer); a blocked card neither pays nor takes refunds. */
  setStatus: defineRoute({
    method: 'POST', path: '/api/v1/gift-cards/:id/status', tags: ['gift-cards'], params: Type.Object({ id: Id }), body: GiftCardStatusRequest,
    response: { 200: GiftCardBalance, ...errors },
  }),
};

export const referralRoutes = {
  code: defineRoute({ method: 'GET', path: '/api/v1/referrals/:customerId', tags: ['referrals'], params: Type.Object({ customerId: Id }), response: { 200: ReferralCode, ...errors } }),
  claim: defineRoute({ method: 'POST', path: '/api/v1/referrals/claim', tags: ['referrals'], body: ClaimReferralRequest, response: { 200: ClaimReferralResult, ...errors } }),
};
