import { Type } from 'typebox';
import { Id, LiteralUnion, LocalDate } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { CampaignTimeline, CampaignTimelineQuery, PointsLiability, ProgramSeries, ReportBucketSchema, ReportPeriodQuery, SALES_GROUPS, SalesReport, SalesReportQuery } from '../reports.js';
import { defineRoute } from './define-route.js';

const tags = ['analytics'];
const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const csv = Type.String({ description: 'text/csv (UTF-8, CRLF; ISO dates; amounts as decimals with a dot)' });

/** The sales export: the grouped reports, or `line` for every receipt line of the period. */
export const SalesExportQuery = Type.Object({
  from: LocalDate,
  to: LocalDate,
  by: LiteralUnion([...SALES_GROUPS, 'line'] as const),
  bucket: Type.Optional(ReportBucketSchema),
});

/** Marketer reports over time and their CSV exports (streamed). Admin and marketer. */
export const reportRoutes = {
  series: defineRoute({
    method: 'GET', path: '/api/v1/analytics/series', tags, security, querystring: ReportPeriodQuery,
    description: 'Members, active members, sales, average receipt, frequency, points issued/redeemed/expired and NPS per day, week or month (store time zone).',
    response: { 200: ProgramSeries, ...errors },
  }),
  seriesCsv: defineRoute({ method: 'GET', path: '/api/v1/analytics/series.csv', tags, security, querystring: ReportPeriodQuery, response: { 200: csv, ...errors } }),
  sales: defineRoute({
    method: 'GET', path: '/api/v1/analytics/sales', tags, security, querystring: SalesReportQuery,
    description: 'Sales by period bucket, product, category or department. Receipts carry no zone or till, so there is no report by zone.',
    response: { 200: SalesReport, ...errors },
  }),
  /** Streamed page by page: `by=line` exports every receipt line of the period (10 million rows included). */
  salesCsv: defineRoute({ method: 'GET', path: '/api/v1/analytics/sales.csv', tags, security, querystring: SalesExportQuery, response: { 200: csv, ...errors } }),
  pointsLiability: defineRoute({
    method: 'GET', path: '/api/v1/analytics/points-liability', tags, security,
    description: 'Outstanding points and their value at today\'s point value, by the month their lots expire.',
    response: { 200: PointsLiability, ...errors },
  }),
  pointsLiabilityCsv: defineRoute({ method: 'GET', path: '/api/v1/analytics/points-liability.csv', tags, security, response: { 200: csv, ...errors } }),
  campaignTimeline: defineRoute({
    method: 'GET', path: '/api/v1/analytics/campaigns/:id/timeline', tags, security, params: Type.Object({ id: Id }), querystring: CampaignTimelineQuery,
    description: 'Revenue per customer of the treatment and holdout arms per bucket of the campaign window.',
    response: { 200: CampaignTimeline, 404: ErrorResponse, ...errors },
  }),
  campaignTimelineCsv: defineRoute({
    method: 'GET', path: '/api/v1/analytics/campaigns/:id/timeline.csv', tags, security, params: Type.Object({ id: Id }), querystring: CampaignTimelineQuery,
    response: { 200: csv, 404: ErrorResponse, ...errors },
  }),
  codesCsv: defineRoute({
    method: 'GET', path: '/api/v1/analytics/promotions/:id/codes.csv', tags, security, params: Type.Object({ id: Id }),
    description: 'A promotion\'s codes with their limits and uses, streamed in code order.',
    response: { 200: csv, 404: ErrorResponse, ...errors },
  }),
  segmentMembersCsv: defineRoute({
    method: 'GET', path: '/api/v1/analytics/segments/:segment/members.csv', tags, security, params: Type.Object({ segment: Id }),
    description: 'A segment\'s members (pseudonymous id, enrolment, marketing consent), streamed in id order.',
    response: { 200: csv, 404: ErrorResponse, ...errors },
  }),
};
