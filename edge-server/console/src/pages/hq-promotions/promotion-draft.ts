import type { PromotionDefinition, PromotionRule, PublishPromotionRequest, PublishedPromotion } from '@vitrina/contracts';
import { addDays } from '../../lib/forms';
import { consoleI18n } from '../../lib/i18n';
import { buildPromotionRequest, type PromotionForm } from '../../lib/promotions';
import { EMPTY_RULE, type RuleForm } from '../../lib/promotion-rules';
import { ALL_STORES, draftToTarget, targetToDraft, type TargetDraft } from '../../components/store-target/target';
import { chainId } from '../hq-campaigns/campaign-draft';

/**
 * Head office's promotion form as plain data: the store console's promotion form
 * (`lib/promotions.ts` PromotionForm, with its mechanics from `lib/promotion-rules.ts`), plus the
 * promotion's id and version, its status and who it goes to. `formOfDefinition` is the inverse
 * of `buildPromotionRequest`, so an edit starts from exactly what was published.
 */
export type PromotionStatus = 'live' | 'paused' | 'ended';
export const PROMOTION_STATUSES: readonly PromotionStatus[] = ['live', 'paused', 'ended'];

export interface PromotionDraft {
  id: string | null;
  version: number;
  status: PromotionStatus;
  form: PromotionForm;
  target: TargetDraft;
}

const money = (minor: number | undefined) => (minor === undefined ? '' : (minor / 100).toFixed(2));
const num = (n: number | undefined) => (n === undefined ? '' : String(n));

export function newPromotionDraft(today: string): PromotionDraft {
  return {
    id: null, version: 0, status: 'live', target: ALL_STORES,
    form: {
      name: '', discountType: 'percent', discountValue: '10', scope: 'basket', targets: '', audience: 'all', segment: '', startsOn: today, endsOn: addDays(today, 13),
      stacking: 'exclusive', minBasket: '', maxUses: '', maxUsesPerCustomer: '', budget: '', campaignId: '', rule: EMPTY_RULE,
    },
  };
}

/** A rule and the conditions every mechanic may have → the mechanic form's fields. */
export function ruleFormOf(rule: PromotionRule | undefined, c: PromotionDefinition['conditions']): RuleForm {
  const base: RuleForm = {
    ...EMPTY_RULE, timeFrom: c.timeWindow?.from ?? '', timeTo: c.timeWindow?.to ?? '', days: c.daysOfWeek ? [...c.daysOfWeek] : [], exclude: (c.excludeProductIds ?? []).join(', '),
  };
  if (!rule) return base;
  switch (rule.kind) {
    case 'n_for_m': return { ...base, mechanic: rule.kind, buy: String(rule.buy), pay: String(rule.pay) };
    case 'buy_x_get_y': return {
      ...base, mechanic: rule.kind, buyProducts: rule.buyProductIds.join(', '), buyQuantity: String(rule.buyQuantity),
      getProducts: rule.getProductIds.join(', '), getQuantity: String(rule.getQuantity), percent: String(rule.percent),
    };
    case 'gift': return { ...base, mechanic: rule.kind, giftProduct: rule.productId, giftMinBasket: rule.minBasketMinor ? money(rule.minBasketMinor) : '' };
    case 'cheapest': return { ...base, mechanic: rule.kind, setSize: String(rule.setSize), percent: String(rule.percent) };
    case 'bundle': return { ...base, mechanic: rule.kind, bundleItems: rule.items.map((i) => `${i.productId}×${i.quantity}`).join(', '), bundlePrice: money(rule.priceMinor) };
    case 'threshold':
    case 'cumulative': return { ...base, mechanic: rule.kind, tiers: rule.tiers.map((t) => `${money(t.fromMinor)}=${t.percent}`).join('; ') };
    case 'coupon': return { ...base, mechanic: rule.kind, couponPromotion: rule.promotionId, couponDays: String(rule.validDays) };
  }
}

/** A published definition → the store console's promotion form. */
export function formOfDefinition(def: PromotionDefinition): PromotionForm {
  const simpleMoney = def.discount.type === 'amount' || def.discount.type === 'price';
  return {
    name: def.name,
    discountType: def.discount.type,
    discountValue: def.rule ? '10' : simpleMoney ? money(def.discount.value) : String(def.discount.value),
    scope: def.target.scope,
    targets: def.target.scope === 'product' ? def.target.productIds.join(', ') : def.target.scope === 'category' ? def.target.categories.join(', ') : '',
    audience: def.audience.type === 'segment' || def.audience.type === 'grant' ? def.audience.type : 'all',
    segment: def.audience.type === 'segment' ? def.audience.segment : '',
    startsOn: def.conditions.startsOn,
    endsOn: def.conditions.endsOn,
    stacking: def.stacking,
    minBasket: money(def.conditions.minBasketMinor),
    maxUses: num(def.limits.maxUses),
    maxUsesPerCustomer: num(def.limits.maxUsesPerCustomer),
    budget: money(def.limits.budgetMinor),
    campaignId: def.campaignId ?? '',
    rule: ruleFormOf(def.rule, def.conditions),
  };
}

export function draftOfPublished({ publication, payload }: PublishedPromotion): PromotionDraft {
  const status = (PROMOTION_STATUSES as readonly string[]).includes(payload.status) ? (payload.status as PromotionStatus) : 'live';
  return { id: payload.promotionId, version: publication.version, status, form: formOfDefinition(payload.definition), target: targetToDraft(publication.target) };
}

/** The publish request (the whole promotion), or what to fix in the user's language. */
export function buildPromotionPublish(d: PromotionDraft, makeId: (prefix: string) => string = chainId): { request: PublishPromotionRequest | null; problems: string[] } {
  const built = buildPromotionRequest(d.form);
  const problems = [...built.problems];
  const target = draftToTarget(d.target);
  if (!target) problems.push(consoleI18n.current().t('hqCampaigns.problems.target'));
  if (!built.request || !target || problems.length > 0) return { request: null, problems };
  const { id: _ignored, ...definition } = built.request;
  return { request: { target, payload: { promotionId: d.id ?? makeId('promo'), definition, status: d.status } }, problems: [] };
}
