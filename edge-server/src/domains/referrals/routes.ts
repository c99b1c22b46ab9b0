import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { ReferralsService } from './service.js';

/** Referral codes and claims. */
export function referralRoutes({ referrals, guard }: { referrals: ReferralsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    serve(app, ROUTES.referrals.code, staff, (req) => referrals.codeOf(req.params.customerId));
    serve(app, ROUTES.referrals.claim, staff, (req) => referrals.claim(req.body.code, req.body.refereeCustomerId));
  };
}
