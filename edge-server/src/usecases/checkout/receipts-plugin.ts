import fp from 'fastify-plugin';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { importRoutes } from '../../domains/purchases/import/routes.js';
import { receiptsRoutes } from './receipts-routes.js';
import { ReceiptsService } from './receipts-service.js';
import type { ReceiptDeps } from './receipt-deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    receipts: ReceiptsService;
  }
}

/** Receipts from the till: the write path joining purchases, loyalty and the offers engine. */
export default fp(
  async (app) => {
    const deps: ReceiptDeps = {
      repo: app.purchases.repo, loyalty: app.loyalty, promotions: app.promotions, codes: app.codes,
      storeId: app.config.STORE_ID, timeZone: app.config.STORE_TIME_ZONE,
      onSaleStart: (tx, customerId, day) => app.campaigns.grantBirthdayIn(tx, customerId, day),
      onFirstSale: (tx, customerId, receiptId, at) => app.referrals.rewardFirstPurchase(tx, customerId, receiptId, at),
    };
    app.decorate('receipts', new ReceiptsService(app.db, deps, {
      async byCard(cardNumber) {
        const r = await app.cards.recognize(cardNumber, 'keypad');
        if (r.status !== 'known') throw new VitrinaError('VITRINA_ERR_CARD_UNKNOWN');
        return r.customerId;
      },
      async byId(id) {
        const c = await app.customers.repo.byId(id);
        return c && !c.erased_at ? { id: c.id, programConsent: c.consent_program === 1 } : null;
      },
    }));
    // New sales change what the recommender's aggregates should say: let it refresh soon.
    app.addHook('onResponse', async (req, reply) => {
      if (req.method === 'POST' && reply.statusCode < 300 && /^\/api\/v1\/(receipts|imports\/receipts)(\?|$)/.test(req.url)) app.recommend.receiptsChanged();
    });
    await app.register(receiptsRoutes, { prefix: '/api/v1' });
    await app.register(importRoutes, { prefix: '/api/v1' });
  },
  { name: 'receipts', dependencies: ['db', 'auth', 'cards', 'customers', 'purchases', 'loyalty', 'offers-engine', 'recommend'] },
);
