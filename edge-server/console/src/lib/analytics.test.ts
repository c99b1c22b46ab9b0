import { describe, expect, it } from 'vitest';
import type { CampaignMeasurementView, ProgramKpisView, RfmReport } from '@vitrina/contracts';
import { campaignRow, programKpis, rfmMembers, rfmSegmentName, rfmSegments, segmentLabel } from './analytics';

const kpis: ProgramKpisView = {
  periodDays: 90, from: '2026-08-25', to: '2026-11-22', members: 400, activeMembers: 100, receipts: 250,
  averageReceiptMinor: 4250, purchaseFrequency: 2.5, repeatPurchaseRate: 0.62, retentionRate: 0.8, churnRate: 0.2,
  marginPerActiveMemberMinor: 3100, cltvMinor: 1_250_000, lostRegulars: 7, lostNewcomers: 12,
  surveyAnswers: 40, nps: 25, promoterShare: 0.45, averageScore: 7.95,
};

const measurement: CampaignMeasurementView = {
  campaignId: 'autumn', from: '2026-10-01', to: '2026-10-31', holdoutPct: 10,
  treatment: { customers: 900, revenuePerCustomerMinor: 5500, marginPerCustomerMinor: 1500 },
  control: { customers: 100, revenuePerCustomerMinor: 5000, marginPerCustomerMinor: 1400 },
  reach: 600, redemptions: 150, redemptionRate: 0.25, incrementalRevenueMinor: 450000, incrementalMarginMinor: 90000,
  revenueLift: { lift: 0.1, ciLow: 0.02, ciHigh: 0.18 }, costMinor: 60000, roi: 0.5,
};

describe('analytics view models', () => {
  it('formats program KPIs with the test-id names the README lists', () => {
    const cards = programKpis(kpis);
    const byName = Object.fromEntries(cards.map((c) => [c.name, c]));
    expect(byName['members']!.value).toBe('400');
    expect(byName['active-members']!.hint).toBe('25.0% bought in the period');
    expect(byName['average-receipt']!.value).toBe('$42.50');
    expect(byName['purchase-frequency']!.value).toBe('2.50');
    expect(byName['repeat-rate']!.value).toBe('62.0%');
    expect(byName['churn']!.value).toBe('20.0%');
    expect(byName['cltv']!.value).toBe('$12.5K');
    expect(byName['lost-newcomers']!.value).toBe('12');
    expect(byName['nps']!.value).toBe('+25');
    expect(byName['nps']!.hint).toBe('40 survey answers in the period');
    expect(byName['satisfaction']!.value).toBe('45.0%');
    expect(byName['satisfaction']!.hint).toBe('Answered 9–10 · average score 8');
  });
  it('shows a dash, not zero, for KPIs the server could not compute', () => {
    const cards = programKpis({ ...kpis, members: 0, averageReceiptMinor: null, purchaseFrequency: null, retentionRate: null });
    const byName = Object.fromEntries(cards.map((c) => [c.name, c]));
    expect(byName['average-receipt']!.value).toBe('—');
    expect(byName['purchase-frequency']!.value).toBe('—');
    expect(byName['retention']!.value).toBe('—');
    expect(byName['active-members']!.hint).toBeUndefined();
  });
  it('names campaign rows from the campaign list and judges the lift interval', () => {
    const row = campaignRow(measurement, { id: 'autumn', name: 'Autumn push', startsOn: '2026-10-01', endsOn: '2026-10-31', holdoutPct: 10, status: 'live' });
    expect(row).toMatchObject({ id: 'autumn', name: 'Autumn push', status: 'live', verdict: 'positive' });
    expect(campaignRow({ ...measurement, revenueLift: { lift: 0.05, ciLow: -0.03, ciHigh: 0.13 } }).verdict).toBe('inconclusive');
    expect(campaignRow({ ...measurement, revenueLift: null }).verdict).toBe('inconclusive');
    expect(campaignRow(measurement).name).toBe('autumn');
  });
  it('sorts RFM segments by size and computes shares', () => {
    const r: RfmReport = {
      today: '2026-11-22', lookbackDays: 365, customers: 10, scores: [],
      segments: [
        { segment: 'lost', customers: 2, spendMinor: 100 },
        { segment: 'champions', customers: 5, spendMinor: 9000 },
        { segment: 'at_risk', customers: 3, spendMinor: 1200 },
      ],
    };
    expect(rfmSegments(r).map((s) => [s.name, s.share])).toEqual([['champions', 0.5], ['at_risk', 0.3], ['lost', 0.2]]);
    expect(segmentLabel('need_attention')).toBe('Need attention');
  });
});

describe('RFM segments as promotion audiences', () => {
  const score = (customerId: string, segment: 'champions' | 'at_risk') => ({ customerId, r: 3, f: 3, m: 3, segment, daysSinceLast: 10, purchases: 3, spendMinor: 1000 });
  it('picks the customers of one segment and says whether the list was capped', () => {
    const r: RfmReport = { today: '2026-11-22', lookbackDays: 365, customers: 3, segments: [], scores: [score('a', 'at_risk'), score('b', 'champions'), score('c', 'at_risk')] };
    expect(rfmMembers(r, 'at_risk')).toEqual({ customerIds: ['a', 'c'], complete: true });
    expect(rfmMembers({ ...r, customers: 9000 }, 'at_risk').complete).toBe(false);
    expect(rfmSegmentName('at_risk')).toBe('rfm-at_risk');
  });
});
