import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { CreateRewardRequest, RedeemRewardRequest, ReverseRewardRequest, Reward, RewardRedemption, RewardStatusRequest } from '../rewards.js';
import { defineRoute } from './define-route.js';

const tags = ['rewards'];
const ById = Type.Object({ id: Id });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** The rewards catalogue: items members buy with points (console manages, the till redeems). */
export const rewardRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/rewards', tags, response: { 200: Type.Array(Reward) } }),
  create: defineRoute({ method: 'POST', path: '/api/v1/rewards', tags, body: CreateRewardRequest, response: { 201: Reward, ...errors } }),
  setStatus: defineRoute({ method: 'POST', path: '/api/v1/rewards/:id/status', tags, params: ById, body: RewardStatusRequest, response: { 200: Reward, ...errors } }),
  redeem: defineRoute({
    method: 'POST', path: '/api/v1/rewards/:id/redeem', tags, params: ById, body: RedeemRewardRequest,
    description: 'A member redeems a reward at the till: points, stock and limit checked and written in one transaction. Idempotent by key.',
    response: { 200: RewardRedemption, ...errors },
  }),
  reverse: defineRoute({
    method: 'POST', path: '/api/v1/rewards/redemptions/:id/reverse', tags, params: ById, body: ReverseRewardRequest,
    description: 'Reverses a redemption (the reward came back): points restored, stock put back, an unused voucher withdrawn. A second call answers the same.',
    response: { 200: RewardRedemption, ...errors },
  }),
};
