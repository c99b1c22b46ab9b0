import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClaimReferralRequest, ErrorResponse, Id, ReferralCode } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { ReferralsService } from './service.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Referral codes and claims. */
export function referralRoutes({ referrals, guard }: { referrals: ReferralsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = guard.requireRole('admin', 'marketer', 'staff');

    app.get('/referrals/:customerId', { schema: { tags: ['referrals'], params: Type.Object({ customerId: Id }), response: { 200: ReferralCode, ...errors } }, preHandler: staff },
      (req) => referrals.codeOf(req.params.customerId));
    app.post('/referrals/claim', {
      schema: { tags: ['referrals'], body: ClaimReferralRequest, response: { 200: Type.Object({ referrerId: Type.String(), refereeId: Type.String() }), ...errors } },
      preHandler: staff,
    }, (req) => referrals.claim(req.body.code, req.body.refereeCustomerId));
  };
}
