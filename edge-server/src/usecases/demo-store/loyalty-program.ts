import type { Catalog } from '../../domains/catalog/index.js';
import type { CustomersService } from '../../domains/customers/index.js';
import type { GiftCardsService } from '../../domains/gift-cards/index.js';
import type { LoyaltyService } from '../../domains/loyalty/index.js';
import type { CampaignsService, CodesService, PromotionsService } from '../../domains/promotions/index.js';
import { addDays } from '../../shared/calendar.js';

export interface LoyaltyDemo {
  tiers: string[];
  promotions: string[];
  campaigns: string[];
  codes: { singleUse: string; multiUse: string };
  giftCards: Array<{ number: string; balanceMinor: number }>;
}

/**
 * The demo store's loyalty program: settings, tiers, earn rules, promotions (incl. birthday),
 * two campaigns with holdouts and personal offers, promo codes and gift cards.
 *
 * Call it BEFORE posting history through `s.receipts.postMany` (so tiers and earn rules
 * apply to it). Everything here starts on `today` or later except the first campaign, whose
 * window opens a week back so measurement has data; promotions never touch past receipts.
 * Idempotent: does nothing when tiers already exist.
 */
export interface LoyaltyDemoServices {
  loyalty: LoyaltyService;
  catalog: Catalog;
  customers: Pick<CustomersService, 'activeIds'>;
  promotions: PromotionsService;
  codes: CodesService;
  campaigns: CampaignsService;
  giftCards: GiftCardsService;
}

export async function seedLoyaltyDemo(s: LoyaltyDemoServices, { today, offerProductIds }: { today: string; offerProductIds?: string[] }): Promise<LoyaltyDemo | null> {
  if ((await s.loyalty.listTiers()).length > 0) return null;
  const products = offerProductIds ?? (await s.catalog.firstIds(5));
  const departments = await s.catalog.largestDepartments(2);
  const until = addDays(today, 90);

  const settings = await s.loyalty.settings();
  await s.loyalty.replaceTiers([
    { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 },
    { id: 'silver', name: 'Silver', thresholdMinor: 250_00, multiplierPct: 125 },
    { id: 'gold', name: 'Gold', thresholdMinor: 600_00, multiplierPct: 150 },
  ]);
  if (departments[1]) await s.loyalty.upsertEarnRule({ id: 'earn-double-dept', kind: 'category_multiplier', category: departments[1], multiplierPct: 200 });
  if (products[0]) await s.loyalty.upsertEarnRule({ id: 'earn-bonus-product', kind: 'product_bonus', productId: products[0], bonusPoints: 25 });

  const promo = (id: string, def: Record<string, unknown>) => s.promotions.create({
    id, target: { scope: 'basket' }, audience: { type: 'all' }, stacking: 'stackable', limits: {}, ...def,
  } as Parameters<PromotionsService['create']>[0]);
  await promo('promo-birthday', { name: 'Happy birthday: $5 off', discount: { type: 'amount', value: 500 }, audience: { type: 'grant' }, conditions: { startsOn: today, endsOn: addDays(today, 365) } });
  await s.loyalty.saveSettings({ ...settings, birthdayPromotionId: 'promo-birthday', birthdayWindowDays: 7 });
  await promo('promo-weekend', {
    name: 'Weekend: 5% off baskets over $50', discount: { type: 'percent', value: 5 },
    conditions: { startsOn: today, endsOn: until, minBasketMinor: 50_00, daysOfWeek: [6, 7] }, limits: { budgetMinor: 500_00 },
  });
  await promo('promo-gold', {
    name: 'Gold members: 10% off', discount: { type: 'percent', value: 10 }, stacking: 'exclusive',
    conditions: { startsOn: today, endsOn: until, tierIds: ['gold'] }, limits: { maxUsesPerCustomer: 4 },
  });
  await promo('promo-welcome', { name: 'Welcome: $3 off', discount: { type: 'amount', value: 300 }, audience: { type: 'grant' }, conditions: { startsOn: today, endsOn: until, minBasketMinor: 15_00 } });
  await s.codes.create({ promotionId: 'promo-welcome', codes: ['WELCOME3'], maxUsesPerCustomer: 1 });
  await s.codes.create({ promotionId: 'promo-welcome', codes: ['VIP-ONE-TIME'], maxUses: 1 });

  await s.campaigns.create({ id: 'cmp-favourites', name: 'Your favourites, 20% off', startsOn: addDays(today, -7), endsOn: addDays(today, 30), holdoutPct: 20 });
  for (const productId of products.slice(0, 3)) {
    await s.campaigns.addOffer('cmp-favourites', { productId, title: '20% off, just for you', discountKind: 'percent', discountValue: 20 });
  }
  await s.campaigns.create({ id: 'cmp-bonus', name: 'Bonus points week', startsOn: today, endsOn: addDays(today, 14), holdoutPct: 10 });
  for (const productId of products.slice(3, 5)) {
    await s.campaigns.addOffer('cmp-bonus', { productId, title: '100 bonus points', discountKind: 'points', discountValue: 100 });
  }
  // Intent to treat: every member is assigned to both campaigns' arms up front, so the demo
  // store's measurement compares whole arms from day one (scans only add the shown state).
  const members = await s.customers.activeIds();
  for (const id of ['cmp-favourites', 'cmp-bonus']) await s.campaigns.assignAll(id, members);

  const giftCards = [];
  for (const [i, amount] of [25_00, 50_00].entries()) {
    const { number, card } = await s.giftCards.issue(amount, `demo-gift-card-${i}`);
    giftCards.push({ number, balanceMinor: card.balanceMinor });
  }
  return {
    tiers: ['member', 'silver', 'gold'],
    promotions: ['promo-birthday', 'promo-weekend', 'promo-gold', 'promo-welcome'],
    campaigns: ['cmp-favourites', 'cmp-bonus'],
    codes: { singleUse: 'VIP-ONE-TIME', multiUse: 'WELCOME3' },
    giftCards,
  };
}
