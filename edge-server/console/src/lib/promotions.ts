import { discountText, type CreatePromotionRequest, type Promotion, type PromotionDefinition } from '@vitrina/contracts';
import { formatCount, formatMoney } from './format';
import { isDay, parseMoneyInput } from './forms';

/** Human text for promotion definitions, and the create form → request conversion. */

/** The kiosk's words for the discount (contracts' discountText), with the console's number formats. */
export function describeDiscount(d: PromotionDefinition['discount']): string {
  return discountText(d.type, d.value, { money: formatMoney, count: formatCount });
}

export function describeTarget(t: PromotionDefinition['target']): string {
  if (t.scope === 'basket') return 'Whole basket';
  if (t.scope === 'product') return t.productIds.length === 1 ? `Product ${t.productIds[0]}` : `${t.productIds.length} products`;
  return t.categories.length <= 2 ? t.categories.join(', ') : `${t.categories.length} categories`;
}

export function describeAudience(a: PromotionDefinition['audience']): string {
  switch (a.type) {
    case 'all':
      return 'Everyone';
    case 'customer':
      return 'One customer (personal)';
    case 'segment':
      return `Segment “${a.segment}”`;
    case 'grant':
      return 'With a code or grant';
  }
}

/** "12 of 100 uses · $34.00 of $500.00 budget". */
export function describeUsage(p: Promotion): string {
  const l = p.definition.limits;
  const uses = l.maxUses ? `${formatCount(p.usage.uses)} of ${formatCount(l.maxUses)} uses` : `${formatCount(p.usage.uses)} uses`;
  const money = l.budgetMinor !== undefined ? `${formatMoney(p.usage.discountMinor)} of ${formatMoney(l.budgetMinor)} budget` : `${formatMoney(p.usage.discountMinor)} given`;
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
  stacking: 'exclusive' | 'stackable';
  minBasket: string;
  maxUses: string;
  maxUsesPerCustomer: string;
  budget: string;
  campaignId: string;
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
    problems.push(`${label} must be a whole number of at least 1.`);
    return undefined;
  }
  return Number(s);
}

function optionalMoney(s: string, label: string, problems: string[]): number | undefined {
  if (!s.trim()) return undefined;
  const m = parseMoneyInput(s);
  if (m === null) problems.push(`${label} must be an amount like 25 or 25.50.`);
  return m ?? undefined;
}

/** Turns the form into a CreatePromotionRequest, or lists what staff must fix. */
export function buildPromotionRequest(f: PromotionForm): { request: CreatePromotionRequest | null; problems: string[] } {
  const problems: string[] = [];
  const name = f.name.trim();
  if (!name) problems.push('Give the promotion a name.');

  let value: number | null = null;
  if (f.discountType === 'amount' || f.discountType === 'price') value = parseMoneyInput(f.discountValue);
  else if (/^\d+$/.test(f.discountValue.trim())) value = Number(f.discountValue.trim());
  if (value === null || (f.discountType === 'percent' && (value < 1 || value > 100)) || value <= 0) {
    problems.push(f.discountType === 'percent' ? 'Percent off must be 1–100.' : f.discountType === 'points' ? 'Bonus points must be a whole number.' : 'Enter the amount like 1.50.');
  }

  const list = splitList(f.targets);
  let target: PromotionDefinition['target'] = { scope: 'basket' };
  if (f.scope === 'product') {
    if (list.length === 0) problems.push('List at least one product id.');
    else if (list.some((id) => !/^[A-Za-z0-9_.:-]{1,64}$/.test(id))) problems.push('Product ids may hold letters, digits and _ . : - only.');
    target = { scope: 'product', productIds: list };
  } else if (f.scope === 'category') {
    if (list.length === 0) problems.push('List at least one category.');
    target = { scope: 'category', categories: list };
  }

  let audience: PromotionDefinition['audience'] = { type: 'all' };
  if (f.audience === 'segment') {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(f.segment.trim())) problems.push('Name the segment (letters, digits, _ . : -).');
    audience = { type: 'segment', segment: f.segment.trim() };
  } else if (f.audience === 'grant') audience = { type: 'grant' };

  if (!isDay(f.startsOn) || !isDay(f.endsOn)) problems.push('Pick the first and last day.');
  else if (f.endsOn < f.startsOn) problems.push('The last day is before the first day.');

  const minBasketMinor = optionalMoney(f.minBasket, 'Minimum basket', problems);
  const maxUses = optionalInt(f.maxUses, 'Total uses', problems);
  const maxUsesPerCustomer = optionalInt(f.maxUsesPerCustomer, 'Uses per customer', problems);
  const budgetMinor = optionalMoney(f.budget, 'Budget', problems);

  if (problems.length > 0 || value === null) return { request: null, problems };
  const limits: PromotionDefinition['limits'] = {};
  if (maxUses !== undefined) limits.maxUses = maxUses;
  if (maxUsesPerCustomer !== undefined) limits.maxUsesPerCustomer = maxUsesPerCustomer;
  if (budgetMinor !== undefined) limits.budgetMinor = budgetMinor;
  const conditions: PromotionDefinition['conditions'] = { startsOn: f.startsOn, endsOn: f.endsOn };
  if (minBasketMinor !== undefined) conditions.minBasketMinor = minBasketMinor;
  const request: CreatePromotionRequest = {
    name,
    discount: { type: f.discountType, value },
    target,
    audience,
    conditions,
    stacking: f.stacking,
    limits,
  };
  if (f.campaignId.trim()) request.campaignId = f.campaignId.trim();
  return { request, problems: [] };
}
