import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignMeasurementView } from '@vitrina/contracts';
import { toApiError } from './api-error';
import { joinCampaignResults } from './use-campaign-results';

const campaign = (id: string): Campaign => ({ id, name: `Campaign ${id}`, startsOn: '2026-10-01', endsOn: '2026-10-31', holdoutPct: 10, status: 'live' });
const measurement = (id: string): CampaignMeasurementView => ({
  campaignId: id, from: '2026-10-01', to: '2026-10-31', holdoutPct: 10,
  treatment: { customers: 90, revenuePerCustomerMinor: 1100, marginPerCustomerMinor: 300 },
  control: { customers: 10, revenuePerCustomerMinor: 1000, marginPerCustomerMinor: 280 },
  reach: 50, redemptions: 5, redemptionRate: 0.1, incrementalRevenueMinor: 9000, incrementalMarginMinor: 1800,
  revenueLift: { lift: 0.1, ciLow: -0.05, ciHigh: 0.25 }, costMinor: 1000, roi: 0.8,
});
const missingRoute = toApiError(404, { error: { code: 'VITRINA_ERR_NOT_FOUND', message: 'No route for GET /api/v1/analytics/campaigns/a' } });

describe('joinCampaignResults', () => {
  it('keeps measured campaigns and lists the ones that failed, without blanking the table', () => {
    const r = joinCampaignResults([
      { ok: true, campaign: campaign('a'), measurement: measurement('a') },
      { ok: false, campaign: campaign('b'), error: toApiError(500, undefined) },
    ]);
    expect('data' in r && r.data.rows.map((x) => [x.id, x.name, x.verdict])).toEqual([['a', 'Campaign a', 'inconclusive']]);
    expect('data' in r && r.data.failed).toEqual([{ id: 'b', name: 'Campaign b', message: 'The server had a problem. Try again.' }]);
  });
  it('reports a server without the analytics route as one "not available" error', () => {
    const r = joinCampaignResults([{ ok: false, campaign: campaign('a'), error: missingRoute }]);
    expect('error' in r && r.error.isNotAvailable).toBe(true);
  });
  it('gives an empty table for no campaigns', () => {
    expect(joinCampaignResults([])).toEqual({ data: { rows: [], failed: [] } });
  });
});
