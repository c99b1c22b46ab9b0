import { discountText, type CreatePromotionRequest, type Promotion, type PromotionDefinition } from '@vitrina/contracts';
import { formatCount, formatMoney } from './format';
import { consoleI18n } from './i18n';
import { isDay, parseMoneyInput } from './forms';
import { buildRuleParts, describeRule, type RuleForm } from './promotion-rules';

/** Human text for promotion definitions, and the create form → request conversion. */

/** The kiosk's words for the discount (contracts' discountText), in the user's language and the store's currency. */
export function describeDiscount(d: PromotionDefinition['discount'], rule?: PromotionDefinition['rule']): string {
  if (rule) return describeRule(rule);
  return discountText(d.type, d.value, consoleI18n.current().fmt);
}

export function describeTarget(target: PromotionDefinition['target']): string {
  const { t } = consoleI18n.current();
  if (target.scope === 'basket') return t('promotionText.wholeBasket');
  if (target.scope === 'product') return target.productIds.length === 1 ? t('promotionText.product', { id: target.productIds[0] }) : t('promotionText.products', { count: target.productIds.length, n: formatCount(target.productIds.length) });
  return target.categories.length <= 2 ? target.categories.join(', ') : t('promotionText.categories', { count: target.categories.length, n: formatCount(target.categories.length) });
}

export function describeAudience(a: PromotionDefinition['audience']): string {
  const { t } = consoleI18n.current();
  switch (a.type) {
    case 'all':
      return t('promotionText.everyone');
    case 'customer':
      return t('promotionText.oneCustomer');
    case 'segment':
      return t('promotionText.segment', { segment: a.segment });
    case 'grant':
      return t('promotionText.grant');
  }
}

/** "12 of 100 uses · $34.00 of $500.00 budget". */
export function describeUsage(p: Promotion): string {
  const { t } = consoleI18n.current();
  const l = p.definition.limits;
  const uses = l.maxUses
    ? t('promotionText.usesOf', { count: l.maxUses, n: formatCount(p.usage.uses), max: formatCount(l.maxUses) })
    : t('promotionText.uses', { count: p.usage.uses, n: formatCount(p.usage.uses) });
  const money = l.budgetMinor !== undefined
    ? t('promotionText.budgetOf', { spent: formatMoney(p.usage.discountMinor), budget: formatMoney(l.budgetMinor) })
    : t('promotionText.given', { spent: formatMoney(p.usage.discountMinor) });
  return `${uses} · ${money}`;
}

export interface PromotionForm {
  name: string;
  discountType: PromotionDefinition['discount']['type'];
  discountValue: string;
  scope: 'basket' | 'product' | 'category';
  /** Comma or newline separated product ids or category names. */
  targets: string;
  audience: 'all' | 'segment' | 'grant';
  segment: string;
  startsOn: string;
  endsOn: string;
  stacking: PromotionDefinition['stacking'];
  minBasket: string;
  maxUses: string;
  maxUsesPerCustomer: string;
  budget: string;
  campaignId: string;
  /** A mechanic beyond a flat discount, a time window, days, exclusions (lib/promotion-rules.ts). */
  rule?: RuleForm;
}

function splitList(s: string): string[] {
  return s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function optionalInt(s: string, label: string, problems: string[]): number | undefined {
  if (!s.trim()) return undefined;
  if (!/^\d+$/.test(s.trim()) || Number(s) < 1) {
    problems.push(consoleI18n.current().t('promotionText.problems.wholeNumber', { label }));
    return undefined;
  }
  return Number(s);
}

function optionalMoney(s: string, label: string, problems: string[]): number | undefined {
  if (!s.trim()) return undefined;
  const m = parseMoneyInput(s);
  if (m === null) problems.push(consoleI18n.current().t('promotionText.problems.amount', { label }));
  return m ?? undefined;
}

/** Turns the form into a CreatePromotionRequest, or lists what staff must fix. */
export function buildPromotionRequest(f: PromotionForm): { request: CreatePromotionRequest | null; problems: string[] } {
  const { t } = consoleI18n.current();
  const problems: string[] = [];
  const name = f.name.trim();
  if (!name) problems.push(t('promotionText.problems.name'));

  // With a mechanic the rule decides the discount; the contract still carries a neutral one.
  const ruled = f.rule !== undefined && f.rule.mechanic !== 'simple';
  let value: number | null = ruled ? 0 : null;
  if (ruled) { /* no flat discount to check */ } else if (f.discountType === 'amount' || f.discountType === 'price') value = parseMoneyInput(f.discountValue);
  else if (/^\d+$/.test(f.discountValue.trim())) value = Number(f.discountValue.trim());
  if (!ruled && (value === null || (f.discountType === 'percent' && (value < 1 || value > 100)) || value <= 0)) {
    problems.push(f.discountType === 'percent' ? t('promotionText.problems.percent') : f.discountType === 'points' ? t('promotionText.problems.points') : t('promotionText.problems.money'));
  }

  const list = splitList(f.targets);
  let target: PromotionDefinition['target'] = { scope: 'basket' };
  if (f.scope === 'product') {
    if (list.length === 0) problems.push(t('promotionText.problems.noProduct'));
    else if (list.some((id) => !/^[A-Za-z0-9_.:-]{1,64}$/.test(id))) problems.push(t('promotionText.problems.productId'));
    target = { scope: 'product', productIds: list };
  } else if (f.scope === 'category') {
    if (list.length === 0) problems.push(t('promotionText.problems.noCategory'));
    target = { scope: 'category', categories: list };
  }

  let audience: PromotionDefinition['audience'] = { type: 'all' };
  if (f.audience === 'segment') {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(f.segment.trim())) problems.push(t('promotionText.problems.segment'));
    audience = { type: 'segment', segment: f.segment.trim() };
  } else if (f.audience === 'grant') audience = { type: 'grant' };

  if (!isDay(f.startsOn) || !isDay(f.endsOn)) problems.push(t('promotionText.problems.days'));
  else if (f.endsOn < f.startsOn) problems.push(t('promotionText.problems.lastBeforeFirst'));

  const minBasketMinor = optionalMoney(f.minBasket, t('promotionText.minBasket'), problems);
  const maxUses = optionalInt(f.maxUses, t('promotionText.totalUses'), problems);
  const maxUsesPerCustomer = optionalInt(f.maxUsesPerCustomer, t('promotionText.usesPerCustomer'), problems);
  const budgetMinor = optionalMoney(f.budget, t('promotionText.budget'), problems);
  const ruleParts = f.rule ? buildRuleParts(f.rule, problems) : {};

  if (problems.length > 0 || value === null) return { request: null, problems };
  const limits: PromotionDefinition['limits'] = {};
  if (maxUses !== undefined) limits.maxUses = maxUses;
  if (maxUsesPerCustomer !== undefined) limits.maxUsesPerCustomer = maxUsesPerCustomer;
  if (budgetMinor !== undefined) limits.budgetMinor = budgetMinor;
  const conditions: PromotionDefinition['conditions'] = { startsOn: f.startsOn, endsOn: f.endsOn };
  if (minBasketMinor !== undefined) conditions.minBasketMinor = minBasketMinor;
  if (ruleParts.timeWindow) conditions.timeWindow = ruleParts.timeWindow;
  if (ruleParts.daysOfWeek) conditions.daysOfWeek = ruleParts.daysOfWeek;
  if (ruleParts.excludeProductIds) conditions.excludeProductIds = ruleParts.excludeProductIds;
  const request: CreatePromotionRequest = {
    name,
    discount: ruled ? { type: 'amount', value: 0 } : { type: f.discountType, value },
    target,
    audience,
    conditions,
    stacking: f.stacking,
    limits,
  };
  if (f.campaignId.trim()) request.campaignId = f.campaignId.trim();
  if (ruleParts.rule) request.rule = ruleParts.rule;
  return { request, problems: [] };
}
