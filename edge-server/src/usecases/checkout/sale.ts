import { RECEIPT_LIMITS, type ReceiptResult, type SaleReceiptInput, type TenderResult } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { computeEarn } from '../../domains/loyalty/index.js';
import { allocateToLargest } from '../../shared/money/allocate.js';
import { addDays } from '../../shared/calendar.js';
import { evaluate, type EngineLine } from '../../domains/promotions/index.js';
import type { ReceiptDeps } from './receipt-deps.js';
import type { ReceiptLineRow } from '../../domains/purchases/index.js';

export interface SaleContext {
  receiptId: string;
  at: string;
  day: string;
  customerId: string | null;
  /** Program consent: without it a shopper buys but earns and spends no points. */
  earnsPoints: boolean;
  requestHash: string;
  /** Minutes since local midnight of the receipt (promotion time windows). */
  localMinute: number;
  /** The lines' products as read ahead of the transaction (readAheadOfSale); absent: read in it. */
  products?: ReadonlyMap<string, Product>;
}

type Product = Awaited<ReturnType<ReceiptDeps['catalog']['products']>> extends ReadonlyMap<string, infer P> ? P : never;

/**
 * What a sale reads, read ahead of its transaction, on the reader and in parallel: the shopper's
 * ledger, spends, first sale, segments, grants, arms; the program's settings, tiers, earn rules,
 * live promotions and their uses. They land in the database's cache, and the transaction reads
 * them from there (`cachedRead` in platform/db/tx-memo.ts: committed rows it has not written),
 * so the one writer is held for a receipt's writes, not for a dozen reads. Returns the lines'
 * products, which the transaction takes as they are (it reads only those the catalogue lacks).
 * Only reads: a rejected sale has cost the writer nothing.
 */
export async function readAheadOfSale(db: Queryable, deps: ReceiptDeps, input: SaleReceiptInput, customerId: string | null, day: string) {
  const [products] = await Promise.all([
    deps.catalog.products(db, input.lines.map((l) => l.productId)),
    deps.loyalty.readAhead(customerId),
    deps.promotions.readAhead(customerId, day),
    customerId ? deps.purchases.hasSale(db, customerId) : null,
  ]);
  return products;
}

/** Validates what can be checked without the database: quantities, discounts, overflow. */
export function checkSaleLines(input: SaleReceiptInput) {
  let gross = 0;
  input.lines.forEach((l, i) => {
    const path = `/lines/${i}`;
    if (l.quantity <= 0) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', `Line ${i + 1}: a sale needs a positive quantity (returns are posted as kind "return").`, [{ path: `${path}/quantity`, message: 'must be > 0' }]);
    const lineGross = l.quantity * l.unitPriceMinor;
    if (lineGross > RECEIPT_LIMITS.maxReceiptMinor) throw new VitrinaError('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', `Line ${i + 1}: quantity × price is too large.`, [{ path, message: 'out of range' }]);
    if ((l.discountMinor ?? 0) > lineGross) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', `Line ${i + 1}: the discount is more than the line.`, [{ path: `${path}/discountMinor`, message: 'exceeds the line amount' }]);
    gross += lineGross;
  });
  if (gross > RECEIPT_LIMITS.maxReceiptMinor) throw new VitrinaError('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', 'The receipt total is out of range.');
  const paysWithPoints = input.pointsToRedeem !== undefined || (input.tenders ?? []).some((t) => t.kind === 'points');
  if (paysWithPoints && !input.cardNumber && !('customerId' in input)) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', 'Paying with points needs a loyalty card.');
  checkTenderShapes(input);
}

/** Tender checks that need no prices: a gift card needs its number and only a gift card has one; points one way only. */
function checkTenderShapes(input: SaleReceiptInput) {
  (input.tenders ?? []).forEach((t, i) => {
    const path = `/tenders/${i}/giftCardNumber`;
    if (t.kind === 'gift_card' && !t.giftCardNumber) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Tender ${i + 1}: a gift card tender needs the card number.`, [{ path, message: 'required' }]);
    if (t.kind !== 'gift_card' && t.giftCardNumber !== undefined) throw new VitrinaError('VITRINA_ERR_VALIDATION', `Tender ${i + 1}: only a gift card tender has a card number.`, [{ path, message: 'not allowed' }]);
  });
  if (input.pointsToRedeem !== undefined && (input.tenders ?? []).some((t) => t.kind === 'points')) {
    throw new VitrinaError('VITRINA_ERR_VALIDATION', 'Pay with points either by pointsToRedeem or by a points tender, not both.', [{ path: '/tenders', message: 'points twice' }]);
  }
}

/**
 * The tenders against the receipt's total: none larger than it, and together exactly it. Answers
 * the points the points tenders stand for (a whole number of points).
 */
function checkTenders(input: SaleReceiptInput, total: number, pointValueMinor: number): number | undefined {
  const tenders = input.tenders;
  if (!tenders) return input.pointsToRedeem;
  tenders.forEach((t, i) => {
    if (t.amountMinor > total) throw new VitrinaError('VITRINA_ERR_TENDER_EXCEEDS_RECEIPT', `Tender ${i + 1} (${t.amountMinor}) is larger than the receipt (${total}).`, [{ path: `/tenders/${i}/amountMinor`, message: 'exceeds the receipt' }]);
  });
  const sum = tenders.reduce((s, t) => s + t.amountMinor, 0);
  if (sum !== total) throw new VitrinaError('VITRINA_ERR_TENDER_MISMATCH', `The tenders add up to ${sum}, the receipt is ${total}.`, [{ path: '/tenders', message: 'must sum to the total' }]);
  const pointsMoney = tenders.filter((t) => t.kind === 'points').reduce((s, t) => s + t.amountMinor, 0);
  if (pointsMoney === 0) return undefined;
  if (pointsMoney % pointValueMinor !== 0) throw new VitrinaError('VITRINA_ERR_VALIDATION', `A points tender is a whole number of points (a point is worth ${pointValueMinor}).`, [{ path: '/tenders', message: 'not whole points' }]);
  return pointsMoney / pointValueMinor;
}

/** Manual markups and discounts on the lines, after promotions: a line never goes below zero. */
function applyManual(input: SaleReceiptInput, nets: number[]) {
  input.lines.forEach((l, i) => {
    if (!l.manual) return;
    nets[i]! += l.manual.amountMinor;
    if (nets[i]! < 0) throw new VitrinaError('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', `Line ${i + 1}: the manual discount is more than the line.`, [{ path: `/lines/${i}/manual/amountMinor`, message: 'below zero' }]);
  });
}

/** Posts a sale inside the caller's transaction: promotions, points tender, earn, receipt rows. */
export async function postSaleIn(tx: Queryable, deps: ReceiptDeps, input: SaleReceiptInput, ctx: SaleContext): Promise<ReceiptResult> {
  const { loyalty, promotions, codes, purchases } = deps;
  let products = ctx.products ?? await deps.catalog.products(tx, input.lines.map((l) => l.productId));
  // A product the catalogue does not know yet is sold anyway: a placeholder (flagged for review
  // in the console) is created in this transaction, so nothing the till rang up is lost.
  const unknown = input.lines.map((l) => l.productId).filter((id) => !products.has(id));
  if (unknown.length > 0) {
    await deps.catalog.ensurePlaceholders(tx, unknown);
    products = await deps.catalog.products(tx, input.lines.map((l) => l.productId));
  }
  const settings = await loyalty.settings(tx);
  const tier = ctx.customerId ? await loyalty.tierAt(tx, ctx.customerId, ctx.day) : null;

  // Codes presented at the till unlock their promotions; each must then actually apply.
  const presented = new Map<string, string>();
  for (const raw of new Set(input.codes ?? [])) {
    const c = await codes.check(tx, raw, ctx.customerId, ctx.day);
    presented.set(c.promotionId, c.code);
  }
  if (ctx.customerId) await deps.campaigns.grantBirthdayIn(tx, ctx.customerId, ctx.day);
  const promoCtx = await promotions.context(tx, ctx.customerId, ctx.day, new Set(presented.keys()));
  const lines: EngineLine[] = input.lines.map((l) => {
    const p = products.get(l.productId)!;
    return { productId: l.productId, category: p.category, department: p.department, quantity: l.quantity, netMinor: l.quantity * l.unitPriceMinor - (l.discountMinor ?? 0) };
  });
  const lifetimeSpendMinor = promoCtx.needsLifetimeSpend && ctx.customerId
    ? (await purchases.spendsByDay(tx, ctx.customerId)).reduce((s, d) => s + d.netMinor, 0)
    : 0;
  const result = evaluate(promoCtx.promotions, lines, {
    customerId: ctx.customerId, tierId: tier?.tier.id ?? null, segments: promoCtx.segments, localDate: ctx.day,
    unlocked: promoCtx.unlocked, armOf: promoCtx.armOf, pointValueMinor: settings.pointValueMinor,
    localMinute: ctx.localMinute, lifetimeSpendMinor,
  });
  for (const [promotionId, code] of presented) {
    if (!result.applied.some((a) => a.promotionId === promotionId)) {
      const reason = result.rejected.find((r) => r.promotionId === promotionId)?.reason ?? 'not applicable';
      throw new VitrinaError(reason === 'budget' ? 'VITRINA_ERR_BUDGET_EXHAUSTED' : 'VITRINA_ERR_OFFER_NOT_ELIGIBLE', `Code "${code}" does not apply to this basket (${reason}).`);
    }
  }
  const nets = lines.map((l, i) => l.netMinor - result.lineDiscounts[i]!);
  applyManual(input, nets);
  const total = nets.reduce((s, n) => s + n, 0);
  const requestedPoints = checkTenders(input, total, settings.pointValueMinor);

  // Points as tender: split over the lines so a refund can restore each line's share.
  const pointsToRedeem = ctx.earnsPoints ? requestedPoints ?? 0 : 0;
  if ((requestedPoints ?? 0) > 0 && !ctx.earnsPoints) throw new VitrinaError('VITRINA_ERR_CONSENT_REQUIRED', 'Paying with points needs a program member.');
  if (pointsToRedeem * settings.pointValueMinor > total) throw new VitrinaError('VITRINA_ERR_AMOUNT_OUT_OF_RANGE', 'The points are worth more than the receipt.');
  const redeemedValue = allocateToLargest(pointsToRedeem * settings.pointValueMinor, nets);
  const redeemedPoints = redeemedValue.map((v) => Math.floor(v / settings.pointValueMinor));
  // Any units lost to the division sit on the largest line so the split sums to what was spent.
  const lost = pointsToRedeem - redeemedPoints.reduce((s, p) => s + p, 0);
  if (lost > 0) redeemedPoints[nets.indexOf(Math.max(...nets))]! += lost;
  if (pointsToRedeem > 0 && ctx.customerId) {
    await loyalty.redeemIn(tx, { customerId: ctx.customerId, points: pointsToRedeem, idempotencyKey: `redeem:receipt:${ctx.receiptId}`, at: ctx.at, receiptId: ctx.receiptId });
  }

  // Gift cards as tender: each balance checked and taken in this transaction (same key on a retry).
  const tenders: TenderResult[] = [];
  for (const [k, t] of (input.tenders ?? []).entries()) {
    if (t.kind === 'gift_card') {
      const card = await deps.giftCards.redeemIn(tx, t.giftCardNumber!, { amountMinor: t.amountMinor, idempotencyKey: `receipt:${ctx.receiptId}:${k}`, receiptId: ctx.receiptId, at: ctx.at, day: ctx.day });
      tenders.push({ kind: 'gift_card', amountMinor: t.amountMinor, giftCardId: card.giftCardId, last4: card.last4 });
    } else if (t.kind === 'points') {
      tenders.push({ kind: 'points', amountMinor: t.amountMinor, points: t.amountMinor / settings.pointValueMinor });
    } else {
      tenders.push({ kind: t.kind, amountMinor: t.amountMinor });
    }
  }

  const promoPoints = lines.map((_, i) => result.applied.reduce((s, a) => s + a.pointsPerLine[i]!, 0));
  let earned = lines.map(() => 0);
  if (ctx.customerId && ctx.earnsPoints && tier) {
    const rules = await loyalty.earnRules(tx, settings, tier.tier.multiplierPct);
    earned = computeEarn(lines.map((l, i) => ({ ...l, earnBaseMinor: Math.max(0, nets[i]! - redeemedPoints[i]! * settings.pointValueMinor) })), rules, promoPoints).perLine;
    await loyalty.awardIn(tx, { customerId: ctx.customerId, kind: 'earn', points: earned.reduce((s, p) => s + p, 0), idempotencyKey: `earn:${ctx.receiptId}`, at: ctx.at, receiptId: ctx.receiptId });
  }

  const rows: ReceiptLineRow[] = input.lines.map((l, i) => ({
    receipt_id: ctx.receiptId, line_no: i + 1, product_id: l.productId, quantity: l.quantity, unit_price_minor: l.unitPriceMinor,
    discount_minor: l.discountMinor ?? 0, promo_discount_minor: result.lineDiscounts[i]!, net_minor: nets[i]!, points_earned: earned[i]!, points_redeemed: redeemedPoints[i]!, original_line_no: null,
  }));
  const firstSale = ctx.customerId ? !(await purchases.hasSale(tx, ctx.customerId)) : false;
  const out: ReceiptResult = {
    receiptId: ctx.receiptId, kind: 'sale', customerId: ctx.customerId, originalReceiptId: null, localDate: ctx.day,
    totalMinor: total, payableMinor: total - pointsToRedeem * settings.pointValueMinor,
    promotions: result.applied.map((a) => ({ promotionId: a.promotionId, discountMinor: a.discountMinor, points: a.points })),
    points: { earned: earned.reduce((s, p) => s + p, 0), redeemed: pointsToRedeem, reversed: 0, restored: 0, balanceAfter: null },
    lines: rows.map((r) => ({
      lineNo: r.line_no, productId: r.product_id, quantity: r.quantity, unitPriceMinor: r.unit_price_minor, discountMinor: r.discount_minor,
      promoDiscountMinor: r.promo_discount_minor!, netMinor: r.net_minor!, pointsEarned: r.points_earned!, pointsRedeemed: r.points_redeemed!, originalLineNo: null,
      ...(input.lines[r.line_no - 1]!.manual ? { manual: input.lines[r.line_no - 1]!.manual! } : {}),
    })),
    ...(input.tenders ? { tenders } : {}),
  };
  // Next-order coupons are written with the promotion uses below; the result names them.
  const couponsDue = result.applied.filter((a) => a.coupon && ctx.customerId);
  if (couponsDue.length > 0) {
    out.coupons = couponsDue.map((a) => ({ promotionId: a.coupon!.promotionId, validFrom: addDays(ctx.day, 1), validTo: addDays(ctx.day, a.coupon!.validDays) }));
  }
  // Points first (the ledger does not reference receipts), so that the receipt is written once,
  // with its final result; promotion uses reference it, so they follow.
  if (ctx.customerId && firstSale) await deps.referrals.rewardFirstPurchase(tx, ctx.customerId, ctx.receiptId, ctx.at);
  if (ctx.customerId) out.points.balanceAfter = (await loyalty.stateAt(tx, ctx.customerId, ctx.day)).balance;
  await purchases.insertReceiptIn(tx, {
    id: ctx.receiptId, store_id: deps.storeId, customer_id: ctx.customerId, kind: 'sale', original_receipt_id: null, store_time: ctx.at,
    total_minor: total, created_at: new Date().toISOString(), local_date: ctx.day, request_hash: ctx.requestHash, result_json: JSON.stringify(out),
  }, rows);
  await promotions.commit(tx, promoCtx, { receiptId: ctx.receiptId, customerId: ctx.customerId, at: ctx.at, day: ctx.day, applied: result.applied, pointsOf: (a) => a.points });
  for (const code of presented.values()) await codes.recordOnReceipt(tx, code, ctx.customerId, ctx.receiptId, ctx.at);
  return out;
}
