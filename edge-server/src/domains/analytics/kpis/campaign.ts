import { liftWithCi, mean } from './stats.js';

/**
 * Campaign measurement against its holdout. Outcomes are per assigned customer over the
 * campaign window (intent to treat: every customer assigned, whether or not they came back).
 * Margin is taken before the campaign's own costs (its discounts are added back), so that
 * ROI = (incremental margin − cost of discounts and points) / cost counts the cost once.
 */

export interface CustomerOutcome {
  arm: 'treatment' | 'control';
  revenueMinor: number;
  /** Margin after all discounts, before adding back this campaign's discounts. */
  marginMinor: number;
  /** This campaign's discount money and bonus points that went to this customer. */
  campaignDiscountMinor: number;
  campaignPoints: number;
  reached: boolean;
  redeemed: boolean;
}

export interface CampaignMeasurement {
  treatment: { customers: number; revenuePerCustomerMinor: number; marginPerCustomerMinor: number };
  control: { customers: number; revenuePerCustomerMinor: number; marginPerCustomerMinor: number };
  reach: number;
  redemptions: number;
  redemptionRate: number | null;
  incrementalRevenueMinor: number;
  incrementalMarginMinor: number;
  revenueLift: { lift: number; ciLow: number; ciHigh: number } | null;
  costMinor: number;
  roi: number | null;
}

export function measureCampaign(outcomes: readonly CustomerOutcome[], pointValueMinor: number): CampaignMeasurement {
  const t = outcomes.filter((o) => o.arm === 'treatment');
  const c = outcomes.filter((o) => o.arm === 'control');
  const gross = (o: CustomerOutcome) => o.marginMinor + o.campaignDiscountMinor;
  const revT = mean(t.map((o) => o.revenueMinor));
  const revC = mean(c.map((o) => o.revenueMinor));
  const marT = mean(t.map(gross));
  const marC = mean(c.map(gross));
  const cost = t.reduce((s, o) => s + o.campaignDiscountMinor + o.campaignPoints * pointValueMinor, 0);
  const reach = t.filter((o) => o.reached).length;
  const redemptions = t.filter((o) => o.redeemed).length;
  const incrementalMargin = c.length > 0 ? Math.round((marT - marC) * t.length) : 0;
  return {
    treatment: { customers: t.length, revenuePerCustomerMinor: Math.round(revT), marginPerCustomerMinor: Math.round(marT) },
    control: { customers: c.length, revenuePerCustomerMinor: Math.round(revC), marginPerCustomerMinor: Math.round(marC) },
    reach,
    redemptions,
    redemptionRate: reach > 0 ? redemptions / reach : null,
    incrementalRevenueMinor: c.length > 0 ? Math.round((revT - revC) * t.length) : 0,
    incrementalMarginMinor: incrementalMargin,
    revenueLift: liftWithCi(t.map((o) => o.revenueMinor), c.map((o) => o.revenueMinor)),
    costMinor: cost,
    roi: cost > 0 && c.length > 0 ? (incrementalMargin - cost) / cost : null,
  };
}
