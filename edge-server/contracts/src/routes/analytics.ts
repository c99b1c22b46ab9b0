import { Type } from 'typebox';
import { AnalyticsQuery, CampaignMeasurementView, ProgramKpisView, RfmReport } from '../analytics.js';
import { Id } from '../common.js';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['analytics'];

export const analyticsRoutes = {
  campaign: defineRoute({
    method: 'GET', path: '/api/v1/analytics/campaigns/:id', tags,
    description: 'Treatment vs holdout over the campaign window: reach, redemption, revenue and margin per customer, incremental figures, lift (95 % CI), ROI.',
    params: Type.Object({ id: Id }), response: { 200: CampaignMeasurementView, 404: ErrorResponse },
  }),
  program: defineRoute({
    method: 'GET', path: '/api/v1/analytics/program', tags, description: 'Program KPIs over the period ending today (store time zone).',
    querystring: AnalyticsQuery, response: { 200: ProgramKpisView, 400: ErrorResponse },
  }),
  /** `limit=0` answers segment counts only; a larger limit adds per-customer scores. */
  rfm: defineRoute({
    method: 'GET', path: '/api/v1/analytics/rfm', tags, description: 'RFM scores 1–5 and named segments over the look-back (periodDays, default 365).',
    querystring: AnalyticsQuery, response: { 200: RfmReport, 400: ErrorResponse },
  }),
};
