import type { FastifyInstance } from 'fastify';
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
 * Call it BEFORE posting history through `app.receipts.postMany` (so tiers and earn rules
 * apply to it). Everything here starts on `today` or later except the first campaign, whose
 * window opens a week back so measurement has data; promotions never touch past receipts.
 * Idempotent: does nothing when tiers already exist.
 */
export async function seedLoyaltyDemo(app: FastifyInstance, { today, offerProductIds }: { today: string; offerProductIds?: string[] }): Promise<LoyaltyDemo | null> {
  if ((await app.loyalty.listTiers()).length > 0) return null;
  const products = offerProductIds ?? (await app.db.all<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 5')).map((p) => p.id);
  const departments = await app.db.all<{ department: string }>('SELECT department FROM products GROUP BY department ORDER BY COUNT(*) DESC, department LIMIT 2');
  const until = addDays(today, 90);

  const settings = await app.loyalty.settings();
  await app.loyalty.replaceTiers([
    { id: 'member', name: 'Member', thresholdMinor: 0, multiplierPct: 100 },
    { id: 'silver', name: 'Silver', thresholdMinor: 250_00, multiplierPct: 125 },
    { id: 'gold', name: 'Gold', thresholdMinor: 600_00, multiplierPct: 150 },
  ]);
  if (departments[1]) await app.loyalty.upsertEarnRule({ id: 'earn-double-dept', kind: 'category_multiplier', category: departments[1].department, multiplierPct: 200 });
  if (products[0]) await app.loyalty.upsertEarnRule({ id: 'earn-bonus-product', kind: 'product_bonus', productId: products[0], bonusPoints: 25 });

  const promo = (id: string, def: Record<string, unknown>) => app.promotions.create({
    id, target: { scope: 'basket' }, audience: { type: 'all' }, stacking: 'stackable', limits: {}, ...def,
  } as Parameters<typeof app.promotions.create>[0]);
  await promo('promo-birthday', { name: 'Happy birthday: $5 off', discount: { type: 'amount', value: 500 }, audience: { type: 'grant' }, conditions: { startsOn: today, endsOn: addDays(today, 365) } });
  await app.loyalty.saveSettings({ ...settings, birthdayPromotionId: 'promo-birthday', birthdayWindowDays: 7 });
  await promo('promo-weekend', {
    name: 'Weekend: 5% off baskets over $50', discount: { type: 'percent', value: 5 },
    conditions: { startsOn: today, endsOn: until, minBasketMinor: 50_00, daysOfWeek: [6, 7] }, limits: { budgetMinor: 500_00 },
  });
  await promo('promo-gold', {
    name: 'Gold members: 10% off', discount: { type: 'percent', value: 10 }, stacking: 'exclusive',
    conditions: { startsOn: today, endsOn: until, tierIds: ['gold'] }, limits: { maxUsesPerCustomer: 4 },
  });
  await promo('promo-welcome', { name: 'Welcome: $3 off', discount: { type: 'amount', value: 300 }, audience: { type: 'grant' }, conditions: { startsOn: today, endsOn: until, minBasketMinor: 15_00 } });
  await app.codes.create({ promotionId: 'promo-welcome', codes: ['WELCOME3'], maxUsesPerCustomer: 1 });
  await app.codes.create({ promotionId: 'promo-welcome', codes: ['VIP-ONE-TIME'], maxUses: 1 });

  await app.campaigns.create({ id: 'cmp-favourites', name: 'Your favourites, 20% off', startsOn: addDays(today, -7), endsOn: addDays(today, 30), holdoutPct: 20 });
  for (const productId of products.slice(0, 3)) {
    await app.campaigns.addOffer('cmp-favourites', { productId, title: '20% off, just for you', discountKind: 'percent', discountValue: 20 });
  }
  await app.campaigns.create({ id: 'cmp-bonus', name: 'Bonus points week', startsOn: today, endsOn: addDays(today, 14), holdoutPct: 10 });
  for (const productId of products.slice(3, 5)) {
    await app.campaigns.addOffer('cmp-bonus', { productId, title: '100 bonus points', discountKind: 'points', discountValue: 100 });
  }
  app.offers.invalidate();
  // Intent to treat: every member is assigned to both campaigns' arms up front, so the demo
  // store's measurement compares whole arms from day one (scans only add the shown state).
  const members = (await app.db.all<{ id: string }>('SELECT id FROM customers WHERE erased_at IS NULL')).map((c) => c.id);
  for (const id of ['cmp-favourites', 'cmp-bonus']) await app.campaigns.assignAll(id, members);

  const giftCards = [];
  for (const [i, amount] of [25_00, 50_00].entries()) {
    const { number, card } = await app.giftCards.issue(amount, `demo-gift-card-${i}`);
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
