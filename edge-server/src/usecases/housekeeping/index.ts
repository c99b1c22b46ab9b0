import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { CampaignsService } from '../../domains/promotions/index.js';

const EVERY_MS = 60 * 60_000;

/**
 * Hourly housekeeping: materialize lapsed points and expire ended offers. Balances and
 * eligibility never wait for it; it keeps the ledger and the lifecycle counts readable.
 * Returns the function that stops it.
 */
export function startHousekeeping(deps: { loyalty: LoyaltyService; campaigns: CampaignsService; log: { error(obj: unknown, msg: string): void } }): () => void {
  const timer = setInterval(() => {
    const today = deps.loyalty.today();
    Promise.all([deps.loyalty.expireSweep(today), deps.campaigns.expireOffers(today)]).catch((err: unknown) => deps.log.error({ err }, 'housekeeping (points expiry, offer expiry) failed'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export { startNightlySegments } from './nightly-segments.js';
