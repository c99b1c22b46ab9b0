import fp from 'fastify-plugin';
import { CodesRepository } from '../promotions/codes/repository.js';
import { CodesService } from '../promotions/codes/service.js';
import { CampaignsRepository } from '../promotions/campaigns/repository.js';
import { campaignsRoutes } from '../promotions/campaigns/routes.js';
import { CampaignsService } from '../promotions/campaigns/service.js';
import { giftCardRoutes } from '../gift-cards/routes.js';
import { GiftCardsRepository } from '../gift-cards/repository.js';
import { GiftCardsService } from '../gift-cards/service.js';
import { ReferralsRepository } from '../referrals/repository.js';
import { ReferralsService } from '../referrals/service.js';
import { PromotionsRepository } from '../promotions/repository.js';
import { promotionsRoutes } from '../promotions/routes.js';
import { PromotionsService } from '../promotions/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    promotions: PromotionsService;
    codes: CodesService;
    giftCards: GiftCardsService;
    referrals: ReferralsService;
    campaigns: CampaignsService;
  }
}

/** Promotions, codes, gift cards, referrals and campaigns: the offers engine behind receipts. */
export default fp(
  async (app) => {
    const tz = app.config.STORE_TIME_ZONE;
    const customerExists = async (id: string) => {
      const c = await app.customers.repo.byId(id);
      return !!c && !c.erased_at;
    };
    const promotions = new PromotionsService(app.db, new PromotionsRepository(), (q, id) => app.purchases.repo.productExists(q, id), customerExists);
    app.decorate('promotions', promotions);
    app.decorate('codes', new CodesService(app.db, new CodesRepository(), promotions, tz));
    app.decorate('giftCards', new GiftCardsService(app.db, new GiftCardsRepository(), (n) => app.cards.hmacOf('pattern', `gift:${n}`)));
    app.decorate('referrals', new ReferralsService(app.db, new ReferralsRepository(), app.loyalty, app.config.STORE_ID, customerExists, (q, id) => app.purchases.repo.hasSale(q, id)));
    const campaigns = new CampaignsService(app.db, new CampaignsRepository(), promotions, (q, id) => app.purchases.repo.productExists(q, id), {
      settings: (q) => app.loyalty.settings(q),
      birthDateOf: async (_q, id) => (await app.customers.repo.byId(id))?.birth_date ?? null,
    });
    app.decorate('campaigns', campaigns);
    app.offers.useLifecycle(campaigns);
    // Hourly housekeeping: materialize lapsed points and expire ended offers (balances and
    // eligibility never wait for it; it keeps the ledger and the lifecycle counts readable).
    if (app.config.NODE_ENV !== 'test') {
      const timer = setInterval(() => {
        const today = app.loyalty.today();
        Promise.all([app.loyalty.expireSweep(today), campaigns.expireOffers(today)]).catch((err: unknown) => app.log.error({ err }, 'loyalty housekeeping failed'));
      }, 60 * 60_000);
      timer.unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }
    await app.register(promotionsRoutes, { prefix: '/api/v1' });
    await app.register(campaignsRoutes, { prefix: '/api/v1' });
    await app.register(giftCardRoutes, { prefix: '/api/v1' });
  },
  { name: 'offers-engine', dependencies: ['db', 'auth', 'customers', 'cards', 'purchases', 'loyalty', 'offers'] },
);
