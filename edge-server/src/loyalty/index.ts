import fp from 'fastify-plugin';
import type { TierInfo } from '@vitrina/contracts';

/** What the kiosk greeting needs from the loyalty program. */
export interface LoyaltySummary {
  pointsBalance: number;
  pointsExpiring: { points: number; by: string } | null;
  tier: TierInfo;
}
export interface LoyaltyReader {
  summaryOf(customerId: string): Promise<LoyaltySummary>;
}

declare module 'fastify' {
  interface FastifyInstance {
    loyalty: LoyaltyReader;
  }
}

// PLACEHOLDER until the points ledger lands (issue 4): every member at 0 points, base tier.
export default fp(
  async (app) => {
    app.decorate('loyalty', {
      summaryOf: async () => ({ pointsBalance: 0, pointsExpiring: null, tier: { name: 'Member', next: null } }),
    } satisfies LoyaltyReader);
  },
  { name: 'loyalty', dependencies: ['db'] },
);
