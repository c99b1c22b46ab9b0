import { Type, type Static } from 'typebox';
import { LocalDate } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Arm = Type.Object({ customers: Type.Integer(), revenuePerCustomerMinor: Type.Integer(), marginPerCustomerMinor: Type.Integer() });

/** Campaign results against its holdout (analytics/kpis/campaign.ts documents each formula). */
export const CampaignMeasurementView = Type.Object({
  campaignId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  holdoutPct: Type.Integer(),
  treatment: Arm,
  control: Arm,
  reach: Type.Integer(),
  redemptions: Type.Integer(),
  redemptionRate: Nullable(Type.Number()),
  incrementalRevenueMinor: Type.Integer(),
  incrementalMarginMinor: Type.Integer(),
  revenueLift: Nullable(Type.Object({ lift: Type.Number(), ciLow: Type.Number(), ciHigh: Type.Number() })),
  costMinor: Type.Integer(),
  roi: Nullable(Type.Number()),
});
export type CampaignMeasurementView = Static<typeof CampaignMeasurementView>;

export const ProgramKpisView = Type.Object({
  periodDays: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  members: Type.Integer(),
  activeMembers: Type.Integer(),
  receipts: Type.Integer(),
  averageReceiptMinor: Nullable(Type.Integer()),
  purchaseFrequency: Nullable(Type.Number()),
  repeatPurchaseRate: Nullable(Type.Number()),
  retentionRate: Nullable(Type.Number()),
  churnRate: Nullable(Type.Number()),
  marginPerActiveMemberMinor: Nullable(Type.Integer()),
  cltvMinor: Nullable(Type.Integer()),
  lostRegulars: Type.Integer(),
  lostNewcomers: Type.Integer(),
  /** End-of-session survey answers in the period, their NPS, the share of 9–10 and the average score (domains/surveys). */
  surveyAnswers: Type.Integer(),
  nps: Nullable(Type.Number()),
  promoterShare: Nullable(Type.Number()),
  averageScore: Nullable(Type.Number()),
});
export type ProgramKpisView = Static<typeof ProgramKpisView>;

export const RfmSegmentName = Type.Union([
  Type.Literal('champions'), Type.Literal('loyal'), Type.Literal('new'), Type.Literal('potential'),
  Type.Literal('at_risk'), Type.Literal('hibernating'), Type.Literal('lost'), Type.Literal('need_attention'),
]);

export const RfmReport = Type.Object({
  today: Type.String(),
  lookbackDays: Type.Integer(),
  customers: Type.Integer(),
  segments: Type.Array(Type.Object({ segment: RfmSegmentName, customers: Type.Integer(), spendMinor: Type.Integer() })),
  /** Customers with their scores (capped by `limit`), best first. */
  scores: Type.Array(Type.Object({
    customerId: Type.String(), r: Type.Integer(), f: Type.Integer(), m: Type.Integer(), segment: RfmSegmentName,
    daysSinceLast: Type.Integer(), purchases: Type.Integer(), spendMinor: Type.Integer(),
  })),
});
export type RfmReport = Static<typeof RfmReport>;

/** `today` pins the report's last day (within 5 years of the store's today). */
export const AnalyticsQuery = Type.Object({
  today: Type.Optional(LocalDate),
  periodDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 730 })),
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000 })),
});
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;
