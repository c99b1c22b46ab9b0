import { describe, expect, it } from 'vitest';
import { measureCampaign, type CustomerOutcome } from './campaign.js';
import { programKpis } from './program.js';
import { quintiles, scoreRfm, segmentOf } from './rfm.js';
import { liftWithCi, mean, variance } from './stats.js';

// Every expected figure below was worked out by hand (see the comments).

describe('statistics', () => {
  it('mean, sample variance and the delta-method lift interval', () => {
    expect(mean([10, 20, 30])).toBe(20);
    expect(variance([10, 20, 30])).toBe(100);
    // lift = (20 − 10)/10 = 1; se = √(100/3/10² + 20²·(8/2)/10⁴) = √0.49333 = 0.70238
    const l = liftWithCi([10, 20, 30], [8, 12])!;
    expect(l.lift).toBe(1);
    expect(l.ciLow).toBeCloseTo(1 - 1.959964 * 0.702377, 5);
    expect(l.ciHigh).toBeCloseTo(1 + 1.959964 * 0.702377, 5);
    expect(liftWithCi([1], [0, 0])).toBeNull();
  });
});

describe('campaign measurement', () => {
  it('reach, redemption rate, per-customer revenue and margin, incremental figures, lift and ROI', () => {
    const o = (arm: CustomerOutcome['arm'], revenueMinor: number, marginMinor: number, campaignDiscountMinor = 0, campaignPoints = 0, reached = false, redeemed = false): CustomerOutcome =>
      ({ arm, revenueMinor, marginMinor, campaignDiscountMinor, campaignPoints, reached, redeemed });
    const m = measureCampaign([
      o('treatment', 1000, 300, 100, 50, true, true),
      o('treatment', 500, 200, 0, 0, true, false),
      o('treatment', 0, 0),
      o('control', 600, 150),
      o('control', 300, 60),
    ], 1);
    // revenue/customer: T 500, C 450; margin before campaign cost: T (400+200+0)/3 = 200, C 105
    expect(m.treatment).toEqual({ customers: 3, revenuePerCustomerMinor: 500, marginPerCustomerMinor: 200 });
    expect(m.control).toEqual({ customers: 2, revenuePerCustomerMinor: 450, marginPerCustomerMinor: 105 });
    expect(m).toMatchObject({ reach: 2, redemptions: 1, redemptionRate: 0.5, incrementalRevenueMinor: 150, incrementalMarginMinor: 285, costMinor: 150 });
    // ROI = (285 − 150) / 150
    expect(m.roi).toBeCloseTo(0.9, 10);
    // lift = 50/450; se = √(250000/3/450² + 500²·(45000/2)/450⁴) = 0.740741
    expect(m.revenueLift!.lift).toBeCloseTo(0.111111, 5);
    expect(m.revenueLift!.ciLow).toBeCloseTo(0.111111 - 1.959964 * 0.740741, 4);
    expect(m.revenueLift!.ciHigh).toBeCloseTo(0.111111 + 1.959964 * 0.740741, 4);
  });

  it('has no ROI without cost or without a control group', () => {
    expect(measureCampaign([{ arm: 'treatment', revenueMinor: 10, marginMinor: 5, campaignDiscountMinor: 0, campaignPoints: 0, reached: true, redeemed: false }], 1).roi).toBeNull();
  });
});

describe('RFM', () => {
  it('scores quintiles with ties sharing a score', () => {
    expect(quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintiles([5, 5, 5, 1])).toEqual([2, 2, 2, 1]);
  });

  it('names segments on the R×F grid', () => {
    expect([segmentOf(5, 5), segmentOf(3, 3), segmentOf(5, 1), segmentOf(3, 2), segmentOf(1, 4), segmentOf(2, 1), segmentOf(1, 1)])
      .toEqual(['champions', 'loyal', 'new', 'potential', 'at_risk', 'hibernating', 'lost']);
  });

  it('scores five customers', () => {
    const s = scoreRfm([
      { customerId: 'a', daysSinceLast: 1, purchases: 20, spendMinor: 50_000 },
      { customerId: 'b', daysSinceLast: 3, purchases: 1, spendMinor: 900 },
      { customerId: 'c', daysSinceLast: 30, purchases: 8, spendMinor: 20_000 },
      { customerId: 'd', daysSinceLast: 200, purchases: 12, spendMinor: 30_000 },
      { customerId: 'e', daysSinceLast: 300, purchases: 2, spendMinor: 1_000 },
    ]);
    // recency order (best first) a, b, c, d, e → R 5,4,3,2,1; frequency b<e<c<d<a → F 5,1,3,4,2
    expect(s.map((x) => [x.customerId, x.r, x.f, x.m, x.segment])).toEqual([
      ['a', 5, 5, 5, 'champions'],
      ['b', 4, 1, 1, 'new'],
      ['c', 3, 3, 3, 'loyal'],
      ['d', 2, 4, 4, 'at_risk'],
      ['e', 1, 2, 2, 'lost'],
    ]);
  });
});

describe('program KPIs', () => {
  it('members, active, average receipt, frequency, repeat rate, retention, churn, CLTV, lost regulars and newcomers', () => {
    const s = (customerId: string, localDate: string, netMinor: number, marginMinor: number) => ({ customerId, localDate, netMinor, marginMinor });
    const k = programKpis(['a', 'b', 'c', 'd', 'e'], [
      s('a', '2026-06-05', 1000, 300), s('a', '2026-06-20', 500, 150), s('a', '2026-05-10', 800, 200),
      s('b', '2026-06-10', 2000, 500),
      s('c', '2026-05-15', 400, 100),
      s('d', '2026-03-01', 100, 30), s('d', '2026-03-15', 100, 30), s('d', '2026-04-01', 100, 30),
      s('e', '2026-04-10', 100, 30),
      s('x', '2026-06-01', 9999, 9999), // not a member
    ], '2026-06-30', 30);
    expect(k).toMatchObject({
      from: '2026-06-01', to: '2026-06-30', members: 5, activeMembers: 2, receipts: 3,
      averageReceiptMinor: 1167, // 3500 / 3
      purchaseFrequency: 1.5, repeatPurchaseRate: 0.5,
      retentionRate: 0.5, churnRate: 0.5, // previous period active: a, c; a came back
      marginPerActiveMemberMinor: 475, // 950 / 2
      lostRegulars: 1, lostNewcomers: 2, // d (3 purchases) vs c, e
    });
    // d = 1.1^(30/365) − 1 = 0.0078645; CLTV = 475 · 0.5 / (1.0078645 − 0.5) = 467.65
    expect(k.cltvMinor).toBe(468);
  });
});
