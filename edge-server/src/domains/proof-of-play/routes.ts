import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { ProofOfPlayService } from './service.js';

/** The proof-of-play report and its CSV, for admins and marketers. */
export function proofOfPlayRoutes({ proofOfPlay, guard }: { proofOfPlay: ProofOfPlayService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { preHandler: guard.requireRole('admin', 'marketer') };
    serve(app, ROUTES.proofOfPlay.report, read, (req) => proofOfPlay.report(req.query));
    serve(app, ROUTES.proofOfPlay.exportCsv, read, async (req, reply) => {
      const csv = proofOfPlay.exportCsv(req.query);
      return reply.type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vitrina-proof-of-play-${req.query.from}-${req.query.to}.csv"`)
        .send(csv as unknown as string);
    });
  };
}
