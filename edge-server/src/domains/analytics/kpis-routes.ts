import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalyticsQuery, CampaignMeasurementView, ErrorResponse, Id, ProgramKpisView, RfmReport } from '@vitrina/contracts';
import { Type } from 'typebox';
import type { Guards } from '../auth/index.js';
import type { KpisService } from './kpis-service.js';

export function kpisRoutes({ kpis, guard }: { kpis: KpisService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const managers = guard.requireRole('admin', 'marketer');
    const tags = ['analytics'];

    app.get('/analytics/campaigns/:id', {
      schema: { tags, description: 'Treatment vs holdout over the campaign window: reach, redemption, revenue and margin per customer, incremental figures, lift (95 % CI), ROI.', params: Type.Object({ id: Id }), response: { 200: CampaignMeasurementView, 404: ErrorResponse } },
      preHandler: managers,
    }, (req) => kpis.campaign(req.params.id));

    app.get('/analytics/program', {
      schema: { tags, description: 'Program KPIs over the period ending today (store time zone).', querystring: AnalyticsQuery, response: { 200: ProgramKpisView, 400: ErrorResponse } },
      preHandler: managers,
    }, (req) => kpis.programKpis(req.query.today, req.query.periodDays));

    app.get('/analytics/rfm', {
      schema: { tags, description: 'RFM scores 1–5 and named segments over the look-back (periodDays, default 365).', querystring: AnalyticsQuery, response: { 200: RfmReport, 400: ErrorResponse } },
      preHandler: managers,
    }, (req) => kpis.rfm(req.query.today, req.query.periodDays ?? 365, req.query.limit ?? 100));
  };
}
