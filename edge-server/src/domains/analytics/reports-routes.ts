import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ROUTES } from '@vitrina/contracts';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { LiveSegmentsService } from './live-segments-service.js';
import type { ReportsService } from './reports-service.js';

/** A CSV reply: Fastify pipes the stream as is (the schema's string type only documents the body). */
function sendCsv(reply: FastifyReply, name: string, body: Readable) {
  const day = new Date().toISOString().slice(0, 10);
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="vitrina-${name}-${day}.csv"`).send(body as unknown as string);
}

/** Reports, exports and live segments for marketers and admins. */
export function reportsRoutes({ reports, segments, guard }: { reports: ReportsService; segments: LiveSegmentsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    const R = ROUTES.reports;
    serve(app, R.series, managers, (req) => reports.series(req.query.from, req.query.to, req.query.bucket));
    serve(app, R.seriesCsv, managers, async (req, reply) => sendCsv(reply, 'series', await reports.seriesCsv(req.query.from, req.query.to, req.query.bucket)));
    serve(app, R.sales, managers, (req) => reports.sales(req.query));
    serve(app, R.salesCsv, managers, async (req, reply) => sendCsv(reply, `sales-${req.query.by}`, reports.salesCsv(req.query)));
    serve(app, R.pointsLiability, managers, () => reports.pointsLiability());
    serve(app, R.pointsLiabilityCsv, managers, async (_req, reply) => sendCsv(reply, 'points-liability', await reports.pointsLiabilityCsv()));
    serve(app, R.campaignTimeline, managers, (req) => reports.campaignTimeline(req.params.id, req.query.bucket));
    serve(app, R.campaignTimelineCsv, managers, async (req, reply) => sendCsv(reply, `campaign-${req.params.id}`, await reports.campaignTimelineCsv(req.params.id, req.query.bucket)));
    serve(app, R.codesCsv, managers, async (req, reply) => sendCsv(reply, `codes-${req.params.id}`, await reports.codesCsv(req.params.id)));
    serve(app, R.segmentMembersCsv, managers, async (req, reply) =>
      sendCsv(reply, `segment-${req.params.segment}`, await reports.segmentMembersCsv(req.params.segment, await segments.exists(req.params.segment))));

    const S = ROUTES.liveSegments;
    serve(app, S.list, managers, () => segments.list());
    serve(app, S.save, managers, async (req) => {
      const change = await segments.save({ ...req.body, name: req.params.name });
      noteAuditChange(req, change);
      return change.after;
    });
    serve(app, S.remove, managers, async (req) => {
      const change = await segments.remove(req.params.name);
      noteAuditChange(req, change);
      return { removed: req.params.name };
    });
    serve(app, S.preview, managers, (req) => segments.preview(req.body.rules));
    serve(app, S.evaluate, managers, (req) => segments.evaluate(req.params.name));
    serve(app, S.sizes, managers, (req) => segments.sizes(req.query.from, req.query.to));
  };
}
