import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../../domains/auth/index.js';
import { serve } from '../../../platform/http/serve-route.js';
import type { GateOutcomesRepository } from '../model/gate-outcomes-repository.js';
import type { CatalogFiles } from './catalog-files.js';
import type { SignagePublisher } from './signage-publisher.js';

/**
 * The console's catalogue preview (admins, who publish catalogue and prices), the signage
 * publication (admins and marketers, who publish content) and the stores' gate outcomes on chain
 * models (both read): ROUTES.headOffice.
 */
export function headOfficeContentRoutes(d: { signage: SignagePublisher; catalogFiles: CatalogFiles; gates: GateOutcomesRepository; guard: Guards }): FastifyPluginAsyncTypebox {
  const admin = { preHandler: d.guard.requireRole('admin') };
  const content = { preHandler: d.guard.requireRole('admin', 'marketer') };
  return async (app) => {
    const r = ROUTES.headOffice;
    serve(app, r.catalogPreview, admin, (req) => d.catalogFiles.preview(req.body));
    serve(app, r.modelGates, content, () => d.gates.latest());
    serve(app, r.publishSignage, content, async (req, reply) => reply.status(201).send(await d.signage.publishSignage(req.body, req.staff?.username ?? 'unknown')));
  };
}
