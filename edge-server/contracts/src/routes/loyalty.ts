import { Type } from 'typebox';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import {
  AdjustPointsRequest, EarnRuleConfig, ExpirePointsRequest, ExpirePointsResult, LedgerEntryView, LoyaltySettings, PointsBalance, PointsBalanceQuery,
  PointsMovementResult, RedeemPointsRequest, TierConfig,
} from '../loyalty.js';
import { defineRoute } from './define-route.js';

const tags = ['loyalty'];
const CustomerParams = Type.Object({ customerId: Id });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Points, tiers and the program's rules. */
export const loyaltyRoutes = {
  balance: defineRoute({
    method: 'GET', path: '/api/v1/loyalty/customers/:customerId', tags, params: CustomerParams, querystring: PointsBalanceQuery,
    response: { 200: PointsBalance, ...errors },
  }),
  ledger: defineRoute({ method: 'GET', path: '/api/v1/loyalty/customers/:customerId/ledger', tags, params: CustomerParams, response: { 200: Type.Array(LedgerEntryView), ...errors } }),
  redeem: defineRoute({
    method: 'POST', path: '/api/v1/loyalty/customers/:customerId/redeem', tags, params: CustomerParams, body: RedeemPointsRequest,
    response: { 200: PointsMovementResult, ...errors },
  }),
  adjust: defineRoute({
    method: 'POST', path: '/api/v1/loyalty/customers/:customerId/adjust', tags, params: CustomerParams, body: AdjustPointsRequest,
    response: { 200: PointsMovementResult, ...errors },
  }),
  /** Irreversible: `dryRun: true` previews; the real run needs `confirm: true`; `today` may not be after the store's today. */
  expire: defineRoute({ method: 'POST', path: '/api/v1/loyalty/expire', tags, body: ExpirePointsRequest, response: { 200: ExpirePointsResult, 400: ErrorResponse } }),
  settings: defineRoute({ method: 'GET', path: '/api/v1/loyalty/settings', tags, response: { 200: LoyaltySettings } }),
  saveSettings: defineRoute({ method: 'PUT', path: '/api/v1/loyalty/settings', tags, body: LoyaltySettings, response: { 200: LoyaltySettings, ...errors } }),
  tiers: defineRoute({ method: 'GET', path: '/api/v1/loyalty/tiers', tags, response: { 200: Type.Array(TierConfig) } }),
  /** Replaces the whole tier ladder. */
  saveTiers: defineRoute({ method: 'PUT', path: '/api/v1/loyalty/tiers', tags, body: Type.Array(TierConfig, { maxItems: 20 }), response: { 200: Type.Array(TierConfig), ...errors } }),
  earnRules: defineRoute({ method: 'GET', path: '/api/v1/loyalty/earn-rules', tags, response: { 200: Type.Array(EarnRuleConfig) } }),
  /** Creates or replaces one earn rule, by id. */
  saveEarnRule: defineRoute({ method: 'PUT', path: '/api/v1/loyalty/earn-rules', tags, body: EarnRuleConfig, response: { 200: EarnRuleConfig, ...errors, 422: ErrorResponse } }),
};
