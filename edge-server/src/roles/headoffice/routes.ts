import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { ChainAnalyticsService } from './analytics/service.js';
import type { IngestRepository } from './ingest/ingest-repository.js';
import type { ChainModel } from './model/chain-model.js';
import type { PublishService } from './publish/service.js';
import type { StoresService } from './stores/service.js';

export interface HeadOfficeRouteDeps {
  stores: StoresService;
  publish: PublishService;
  analytics: ChainAnalyticsService;
  ingest: IngestRepository;
  chainModel: ChainModel;
  guard: Guards;
}

/**
 * Head office's REST routes (ROUTES.headOffice): admins run the chain (stores, catalogue,
 * prices, the model), marketers publish campaigns, promotions and content and read analytics.
 */
export function headOfficeRoutes(d: HeadOfficeRouteDeps): FastifyPluginAsyncTypebox {
  const read = { preHandler: d.guard.requireRole('admin', 'marketer') };
  const admin = { preHandler: d.guard.requireRole('admin') };
  const by = (req: { staff?: { username: string } }) => req.staff?.username ?? 'unknown';
  return async (app) => {
    const r = ROUTES.headOffice;
    serve(app, r.role, {}, async () => ({ role: 'headoffice' as const }));
    serve(app, r.stores, read, () => d.stores.list());
    serve(app, r.registerStore, admin, async (req) => {
      const change = await d.stores.register(req.body);
      noteAuditChange(req, change);
      return change.after;
    });
    serve(app, r.deadLetters, admin, () => d.ingest.deadLetters(200));
    serve(app, r.publications, read, () => d.publish.latest());
    serve(app, r.publishedCampaigns, read, () => d.publish.publishedCampaigns());
    serve(app, r.publishedPromotions, read, () => d.publish.publishedPromotions());
    serve(app, r.publishCampaign, read, async (req, reply) => reply.status(201).send(await d.publish.campaign(req.body.target, req.body.payload, by(req))));
    serve(app, r.publishPromotion, read, async (req, reply) => reply.status(201).send(await d.publish.promotion(req.body.target, req.body.payload, by(req))));
    serve(app, r.publishContent, read, async (req, reply) => reply.status(201).send(await d.publish.content(req.body, by(req))));
    serve(app, r.publishCatalog, admin, async (req, reply) => reply.status(201).send(await d.publish.catalog(req.body.target, req.body.payload, by(req))));
    serve(app, r.publishPrices, admin, async (req, reply) => reply.status(201).send(await d.publish.prices(req.body.target, req.body.payload, by(req))));
    serve(app, r.kpis, read, (req) => d.analytics.kpis(req.query));
    serve(app, r.campaignLift, read, (req) => d.analytics.campaignLift(req.params.id));
    serve(app, r.model, read, async () => d.chainModel.state());
    serve(app, r.trainModel, admin, async (req, reply) => reply.status(202).send(d.chainModel.trainInBackground(by(req))));
  };
}
