import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { noteAuditChange, serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import type { GiftCardsService } from './service.js';

/** Gift cards: issue, balance, redeem, refund. */
export function giftCardRoutes({ giftCards, guard }: { giftCards: GiftCardsService; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const managers = { preHandler: guard.requireRole('admin', 'marketer') };
    const routes = ROUTES.giftCards;

    serve(app, routes.issue, managers, async (req, reply) => reply.status(201).send(await giftCards.issue(req.body.amountMinor, req.body.idempotencyKey, req.body.expiresOn)));
    serve(app, routes.list, managers, () => giftCards.list());
    serve(app, routes.setStatus, managers, async (req) => {
      const { card, change } = await giftCards.setStatus(req.params.id, req.body.status);
      noteAuditChange(req, { before: change.before, after: { ...change.after, reason: req.body.reason } });
      return card;
    });
    serve(app, routes.balance, staff, (req) => giftCards.balance(req.body.number));
    serve(app, routes.redeem, staff, (req) => giftCards.redeem(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));
    serve(app, routes.refund, staff, (req) => giftCards.refund(req.body.number, req.body.amountMinor, req.body.idempotencyKey, req.body.receiptId));
  };
}
