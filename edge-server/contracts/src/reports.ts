import { Type, type Static } from 'typebox';
import { Id, LiteralUnion, LocalDate } from './common.js';

/**
 * Marketer reports (issue 15): series over time, sales reports, points liability, campaign
 * timelines. Days are store-local (YYYY-MM-DD); money is integer minor units. The CSV exports of
 * the same tables write ISO dates and amounts as decimals (minor / 100, a dot, no grouping).
 */
export const REPORT_BUCKETS = ['day', 'week', 'month'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];
export const ReportBucketSchema = LiteralUnion(REPORT_BUCKETS);

/** A period of store days [from, to] (at most 3 years) and the bucket of a series (weeks start on Monday). */
export const ReportPeriodQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  bucket: Type.Optional(ReportBucketSchema),
});
export type ReportPeriodQuery = Static<typeof ReportPeriodQuery>;

/** One bucket of the program series; `start` is the bucket's first day (a Monday for weeks, the 1st for months). */
export const SeriesPoint = Type.Object({
  start: LocalDate,
  /** Members enrolled by the bucket's last day (program consent, not erased). */
  members: Type.Integer(),
  /** Members with at least one sale in the bucket. */
  activeMembers: Type.Integer(),
  receipts: Type.Integer(),
  salesMinor: Type.Integer(),
  averageReceiptMinor: Type.Union([Type.Integer(), Type.Null()]),
  /** Member sales per active member in the bucket. */
  frequency: Type.Union([Type.Number(), Type.Null()]),
  pointsIssued: Type.Integer(),
  pointsRedeemed: Type.Integer(),
  pointsExpired: Type.Integer(),
  surveyAnswers: Type.Integer(),
  nps: Type.Union([Type.Number(), Type.Null()]),
});
export type SeriesPoint = Static<typeof SeriesPoint>;
export const ProgramSeries = Type.Object({ from: LocalDate, to: LocalDate, bucket: ReportBucketSchema, points: Type.Array(SeriesPoint) });
export type ProgramSeries = Static<typeof ProgramSeries>;

/**
 * How a sales report groups: by bucket of the period, product, category or department. Receipts
 * carry no zone and no till id (POST /receipts has neither), so there is no report by zone.
 */
export const SALES_GROUPS = ['period', 'product', 'category', 'department'] as const;
export type SalesGroup = (typeof SALES_GROUPS)[number];
export const SalesReportQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  by: LiteralUnion(SALES_GROUPS),
  bucket: Type.Optional(ReportBucketSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type SalesReportQuery = Static<typeof SalesReportQuery>;
export const SalesRow = Type.Object({
  /** The bucket's first day, the product id, the category or the department. */
  key: Type.String(),
  label: Type.String(),
  receipts: Type.Integer(),
  quantity: Type.Integer(),
  /** Net of every discount, returns subtracted. */
  salesMinor: Type.Integer(),
  discountMinor: Type.Integer(),
});
export type SalesRow = Static<typeof SalesRow>;
export const SalesReport = Type.Object({ from: LocalDate, to: LocalDate, by: Type.String(), rows: Type.Array(SalesRow) });
export type SalesReport = Static<typeof SalesReport>;

/** Points not yet spent nor lapsed, by the month their lots expire, and their value at today's point value. */
export const PointsLiability = Type.Object({
  today: LocalDate,
  pointValueMinor: Type.Integer(),
  outstandingPoints: Type.Integer(),
  valueMinor: Type.Integer(),
  pendingPoints: Type.Integer(),
  byExpiryMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM, or "never" for points without expiry' }), points: Type.Integer(), valueMinor: Type.Integer() })),
});
export type PointsLiability = Static<typeof PointsLiability>;

/** Per bucket of the campaign window: revenue per customer of each arm (assignment counts as of now). */
export const CampaignTimeline = Type.Object({
  campaignId: Id,
  from: LocalDate,
  to: LocalDate,
  bucket: ReportBucketSchema,
  treatmentCustomers: Type.Integer(),
  controlCustomers: Type.Integer(),
  points: Type.Array(Type.Object({
    start: LocalDate,
    treatmentRevenuePerCustomerMinor: Type.Integer(),
    controlRevenuePerCustomerMinor: Type.Integer(),
    /** Treatment minus control, per customer. */
    incrementalPerCustomerMinor: Type.Integer(),
  })),
});
export type CampaignTimeline = Static<typeof CampaignTimeline>;
export const CampaignTimelineQuery = Type.Object({ bucket: Type.Optional(ReportBucketSchema) });
