import { PROMOTION_RULE_KINDS, type PromotionDefinition, type PromotionRule, type PromotionRuleKind } from '@vitrina/contracts';
import { formatMoney } from './format';
import { parseMoneyInput } from './forms';
import { consoleI18n } from './i18n';

/**
 * The promotion form's mechanics beyond a flat discount (contracts' PromotionRule): the fields
 * of each, their conversion to the contract, and their words in the promotions list. One form
 * per kind; the server re-checks everything (and refuses contradictions with a code).
 */

export type Mechanic = 'simple' | PromotionRuleKind;
export const MECHANICS: readonly Mechanic[] = ['simple', ...PROMOTION_RULE_KINDS];

export interface RuleForm {
  mechanic: Mechanic;
  /** n_for_m */
  buy: string;
  pay: string;
  /** buy_x_get_y (product ids, comma separated) */
  buyProducts: string;
  buyQuantity: string;
  getProducts: string;
  getQuantity: string;
  /** buy_x_get_y and cheapest: percent off (100 = free) */
  percent: string;
  /** gift */
  giftProduct: string;
  giftMinBasket: string;
  /** cheapest */
  setSize: string;
  /** bundle: "product×quantity" items, comma separated, and the set's price */
  bundleItems: string;
  bundlePrice: string;
  /** threshold and cumulative: "amount=percent" pairs separated by ";" or new lines, e.g. "3000=10; 5000=15" */
  tiers: string;
  /** coupon */
  couponPromotion: string;
  couponDays: string;
  /** Any mechanic: a time window (HH:MM, store time), days of week, excluded products. */
  timeFrom: string;
  timeTo: string;
  days: number[];
  exclude: string;
}

export const EMPTY_RULE: RuleForm = {
  mechanic: 'simple', buy: '3', pay: '2', buyProducts: '', buyQuantity: '1', getProducts: '', getQuantity: '1', percent: '100', giftProduct: '', giftMinBasket: '',
  setSize: '3', bundleItems: '', bundlePrice: '', tiers: '', couponPromotion: '', couponDays: '30', timeFrom: '', timeTo: '', days: [], exclude: '',
};

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function list(s: string): string[] {
  return s.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);
}

function int(s: string, min: number, max: number): number | null {
  const v = s.trim();
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** The contract parts the mechanic adds to a promotion, or problems (in the user's language). */
export function buildRuleParts(f: RuleForm, problems: string[]): {
  rule?: PromotionRule;
  timeWindow?: { from: string; to: string };
  daysOfWeek?: number[];
  excludeProductIds?: string[];
} {
  const { t } = consoleI18n.current();
  const p = (key: string, opts?: Record<string, unknown>) => problems.push(t(`promotionRules.problems.${key}`, opts));
  const out: ReturnType<typeof buildRuleParts> = {};

  if (f.timeFrom || f.timeTo) {
    if (!TIME.test(f.timeFrom) || !TIME.test(f.timeTo)) p('time');
    else if (f.timeFrom === f.timeTo) p('emptyWindow');
    else out.timeWindow = { from: f.timeFrom, to: f.timeTo };
  }
  if (f.days.length > 0 && f.days.length < 7) out.daysOfWeek = [...f.days].sort();
  const exclude = list(f.exclude);
  if (exclude.some((id) => !ID.test(id))) p('productId');
  else if (exclude.length > 0) out.excludeProductIds = exclude;

  const ids = (s: string) => {
    const l = list(s);
    if (l.length === 0 || l.some((id) => !ID.test(id))) { p('products'); return null; }
    return l;
  };
  const percent = () => { const v = int(f.percent, 1, 100); if (v === null) p('percent'); return v; };

  switch (f.mechanic) {
    case 'simple':
      return out;
    case 'n_for_m': {
      const buy = int(f.buy, 2, 100);
      const pay = int(f.pay, 1, 99);
      if (buy === null || pay === null || pay >= buy) { p('nForM'); return out; }
      return { ...out, rule: { kind: 'n_for_m', buy, pay } };
    }
    case 'buy_x_get_y': {
      const buyProductIds = ids(f.buyProducts);
      const getProductIds = ids(f.getProducts);
      const buyQuantity = int(f.buyQuantity, 1, 1000);
      const getQuantity = int(f.getQuantity, 1, 1000);
      const pct = percent();
      if (buyQuantity === null || getQuantity === null) p('quantity');
      if (!buyProductIds || !getProductIds || buyQuantity === null || getQuantity === null || pct === null) return out;
      return { ...out, rule: { kind: 'buy_x_get_y', buyProductIds, buyQuantity, getProductIds, getQuantity, percent: pct } };
    }
    case 'gift': {
      const productId = f.giftProduct.trim();
      const minBasketMinor = f.giftMinBasket.trim() ? parseMoneyInput(f.giftMinBasket) : 0;
      if (!ID.test(productId)) p('products');
      if (minBasketMinor === null) p('money');
      if (!ID.test(productId) || minBasketMinor === null) return out;
      return { ...out, rule: { kind: 'gift', productId, minBasketMinor } };
    }
    case 'cheapest': {
      const setSize = int(f.setSize, 2, 100);
      const pct = percent();
      if (setSize === null) p('setSize');
      if (setSize === null || pct === null) return out;
      return { ...out, rule: { kind: 'cheapest', setSize, percent: pct } };
    }
    case 'bundle': {
      const items = list(f.bundleItems).map((s) => {
        const m = /^([A-Za-z0-9_.:-]{1,64})\s*(?:[×x*]\s*(\d+))?$/.exec(s);
        return m ? { productId: m[1]!, quantity: Number(m[2] ?? 1) } : null;
      });
      const priceMinor = parseMoneyInput(f.bundlePrice);
      if (items.length < 2 || items.some((i) => i === null || i.quantity < 1)) p('bundle');
      if (priceMinor === null) p('money');
      if (items.length < 2 || items.some((i) => i === null || i.quantity < 1) || priceMinor === null) return out;
      return { ...out, rule: { kind: 'bundle', items: items as Array<{ productId: string; quantity: number }>, priceMinor } };
    }
    case 'threshold':
    case 'cumulative': {
      const tiers = f.tiers.split(/[;\n]/).map((s) => s.trim()).filter(Boolean).map((s) => {
        const [amount, pct] = s.split('=').map((x) => x.trim());
        const fromMinor = amount ? parseMoneyInput(amount) : null;
        const percentValue = pct ? int(pct.replace('%', ''), 1, 100) : null;
        return fromMinor === null || percentValue === null ? null : { fromMinor, percent: percentValue };
      });
      if (tiers.length === 0 || tiers.some((x) => x === null)) { p('tiers'); return out; }
      return { ...out, rule: { kind: f.mechanic, tiers: tiers as Array<{ fromMinor: number; percent: number }> } };
    }
    case 'coupon': {
      const promotionId = f.couponPromotion.trim();
      const validDays = int(f.couponDays, 1, 366);
      if (!ID.test(promotionId)) p('couponPromotion');
      if (validDays === null) p('couponDays');
      if (!ID.test(promotionId) || validDays === null) return out;
      return { ...out, rule: { kind: 'coupon', promotionId, validDays } };
    }
  }
}

/** A rule in the list's words ("3 for 2", "From 3,000.00: 10 %"…), in the user's language. */
export function describeRule(rule: PromotionRule): string {
  const { t } = consoleI18n.current();
  switch (rule.kind) {
    case 'n_for_m':
      return t('promotionRules.text.nForM', { buy: rule.buy, pay: rule.pay });
    case 'buy_x_get_y':
      return t('promotionRules.text.buyXGetY', { buy: rule.buyQuantity, get: rule.getQuantity, percent: rule.percent });
    case 'gift':
      return t('promotionRules.text.gift', { product: rule.productId, min: formatMoney(rule.minBasketMinor) });
    case 'cheapest':
      return t('promotionRules.text.cheapest', { n: rule.setSize, percent: rule.percent });
    case 'bundle':
      return t('promotionRules.text.bundle', { items: rule.items.map((i) => `${i.productId}×${i.quantity}`).join(' + '), price: formatMoney(rule.priceMinor) });
    case 'threshold':
    case 'cumulative':
      return t(`promotionRules.text.${rule.kind}`, { tiers: [...rule.tiers].sort((a, b) => a.fromMinor - b.fromMinor).map((x) => `${formatMoney(x.fromMinor)} → ${x.percent} %`).join('; ') });
    case 'coupon':
      return t('promotionRules.text.coupon', { promotion: rule.promotionId, days: rule.validDays });
  }
}

/** The time window and days, e.g. "17:00–19:00", for the list; '' when neither. */
export function describeWhen(c: PromotionDefinition['conditions']): string {
  const { t } = consoleI18n.current();
  const parts: string[] = [];
  if (c.timeWindow) parts.push(`${c.timeWindow.from}–${c.timeWindow.to}`);
  if (c.daysOfWeek) parts.push(c.daysOfWeek.map((d) => t(`promotionRules.days.${d}`)).join(', '));
  return parts.join(' · ');
}
