import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import {
  CreateCodesRequest, CreatePromotionRequest, PromoCode, Promotion, PromotionStatusRequest, RedeemCodeRequest, RedeemCodeResponse, ReplaceSegmentRequest,
  SegmentResult,
} from '../promotions.js';
import { defineRoute } from './define-route.js';

const tags = ['promotions'];
const ById = Type.Object({ id: Id });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Promotions the till applies. */
export const promotionRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/promotions', tags, response: { 200: Type.Array(Promotion) } }),
  create: defineRoute({ method: 'POST', path: '/api/v1/promotions', tags, body: CreatePromotionRequest, response: { 201: Promotion, ...errors } }),
  get: defineRoute({ method: 'GET', path: '/api/v1/promotions/:id', tags, params: ById, response: { 200: Promotion, ...errors } }),
  setStatus: defineRoute({ method: 'POST', path: '/api/v1/promotions/:id/status', tags, params: ById, body: PromotionStatusRequest, response: { 200: Promotion, ...errors } }),
  /** The promo codes of one promotion. */
  codes: defineRoute({ method: 'GET', path: '/api/v1/promotions/:id/codes', tags, params: ById, response: { 200: Type.Array(PromoCode) } }),
};

/** Promo codes: generated for a promotion, claimed for a shopper. */
export const codeRoutes = {
  create: defineRoute({ method: 'POST', path: '/api/v1/codes', tags, body: CreateCodesRequest, response: { 201: Type.Array(PromoCode), ...errors } }),
  redeem: defineRoute({
    method: 'POST', path: '/api/v1/codes/:code/redeem', tags, params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }), body: RedeemCodeRequest,
    response: { 200: RedeemCodeResponse, ...errors },
  }),
};

/** Named customer groups a promotion's audience can target. */
export const segmentRoutes = {
  replace: defineRoute({
    method: 'PUT', path: '/api/v1/segments/:segment', tags, params: Type.Object({ segment: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }) }),
    body: ReplaceSegmentRequest, response: { 200: SegmentResult, ...errors },
  }),
};
