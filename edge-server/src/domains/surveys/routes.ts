import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { SurveysService } from './service.js';

/** NPS report, comments and CSV for marketers and admins; the settings are the admin's. */
export function surveyRoutes({ surveys, guard }: { surveys: SurveysService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { preHandler: guard.requireRole('admin', 'marketer') };
    serve(app, ROUTES.surveys.report, read, (req) => surveys.report(req.query));
    serve(app, ROUTES.surveys.comments, read, (req) => surveys.comments(req.query.offset, req.query.limit));
    serve(app, ROUTES.surveys.exportCsv, read, async (_req, reply) => {
      const day = new Date().toISOString().slice(0, 10);
      // A stream: Fastify pipes it as is (the schema's string type only documents the body).
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="vitrina-survey-${day}.csv"`).send(surveys.exportCsv() as unknown as string);
    });
    serve(app, ROUTES.surveys.settings, read, () => surveys.settings());
    serve(app, ROUTES.surveys.saveSettings, { preHandler: guard.requireRole('admin') }, async (req) => {
      const change = await surveys.saveSettings(req.body);
      noteAuditChange(req, change);
      return change.after;
    });
  };
}
