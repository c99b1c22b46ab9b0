import type { ReceiptResult, ReturnReceiptInput, TenderResult } from '@vitrina/contracts';
import type { Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { ReceiptDeps } from './receipt-deps.js';
import { cumulativeShare, refundOf } from './refund.js';
import type { ReceiptLineRow } from '../../domains/purchases/index.js';

/**
 * Posts a return (full or partial) against an original sale inside the caller's transaction:
 * refunds each line's share of what was paid, takes back the points earned on it and gives
 * back the points that paid for it. Never more than was bought, summed over every return.
 */
export async function postReturnIn(tx: Queryable, deps: ReceiptDeps, input: ReturnReceiptInput, ctx: { receiptId: string; at: string; day: string; requestHash: string }): Promise<ReceiptResult> {
  const { purchases, loyalty } = deps;
  const original = await purchases.receiptById(tx, input.originalReceiptId);
  if (!original || original.kind !== 'sale') throw new VitrinaError('VITRINA_ERR_RECEIPT_UNKNOWN', `No sale "${input.originalReceiptId}" to return against.`);
  const saleLines = new Map((await purchases.linesOf(tx, original.id)).map((l) => [l.line_no, l]));
  const returned = await purchases.returnedQuantities(tx, original.id);
  const wanted = new Map<number, number>();
  input.lines.forEach((l, i) => {
    if (l.quantity >= 0) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', `Line ${i + 1}: a return line has a negative quantity.`, [{ path: `/lines/${i}/quantity`, message: 'must be < 0' }]);
    if (!saleLines.has(l.originalLineNo)) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', `Line ${i + 1}: the original receipt has no line ${l.originalLineNo}.`, [{ path: `/lines/${i}/originalLineNo`, message: 'no such line' }]);
    wanted.set(l.originalLineNo, (wanted.get(l.originalLineNo) ?? 0) - l.quantity);
  });
  const settings = await loyalty.settings(tx);
  const rows: ReceiptLineRow[] = [];
  let lineNo = 0;
  for (const [origNo, units] of wanted) {
    const sale = saleLines.get(origNo)!;
    const before = returned.get(origNo) ?? 0;
    if (before + units > sale.quantity) {
      throw new VitrinaError('VITRINA_ERR_REFUND_EXCEEDS_PURCHASE', `Line ${origNo}: ${before} of ${sale.quantity} already returned, ${units} more is too many.`);
    }
    const r = refundOf(
      { quantity: sale.quantity, netMinor: sale.net_minor, discountMinor: sale.discount_minor, promoDiscountMinor: sale.promo_discount_minor, pointsEarned: sale.points_earned, pointsRedeemed: sale.points_redeemed },
      before, units,
    );
    rows.push({
      receipt_id: ctx.receiptId, line_no: ++lineNo, product_id: sale.product_id, quantity: -units, unit_price_minor: sale.unit_price_minor,
      discount_minor: -r.discountMinor, promo_discount_minor: -r.promoDiscountMinor, net_minor: -r.netMinor, points_earned: -r.pointsEarned, points_redeemed: -r.pointsRedeemed, original_line_no: origNo,
    });
  }
  const refundNet = rows.reduce((s, r) => s - r.net_minor!, 0);
  // Net refunded by earlier returns of this sale: the same cumulative shares, so exact.
  const refundedBefore = [...saleLines.values()].reduce((s, l) => s + cumulativeShare(l.net_minor!, l.quantity, 0, returned.get(l.line_no) ?? 0), 0);
  const reversed = rows.reduce((s, r) => s - r.points_earned!, 0);
  const restored = rows.reduce((s, r) => s - r.points_redeemed!, 0);
  const customerId = original.customer_id;
  let balanceAfter: number | null = null;
  if (customerId) {
    const earn = await loyalty.earnLotOfReceipt(tx, original.id);
    await loyalty.reverseIn(tx, { customerId, points: reversed, idempotencyKey: `reverse:${ctx.receiptId}`, at: ctx.at, receiptId: ctx.receiptId, lotId: earn?.id ?? null });
    await loyalty.awardIn(tx, { customerId, kind: 'restore', points: restored, idempotencyKey: `restore:${ctx.receiptId}`, at: ctx.at, receiptId: ctx.receiptId });
    balanceAfter = (await loyalty.stateAt(tx, customerId, ctx.day)).balance;
  }
  const tenders = await refundTenders(tx, deps, original, { refundedBefore, refundNet, restoredMinor: restored * settings.pointValueMinor, restoredPoints: restored }, ctx);
  const out: ReceiptResult = {
    receiptId: ctx.receiptId, kind: 'return', customerId, originalReceiptId: original.id, localDate: ctx.day,
    totalMinor: -refundNet, payableMinor: -(refundNet - restored * settings.pointValueMinor),
    promotions: [],
    points: { earned: 0, redeemed: 0, reversed, restored, balanceAfter },
    ...(tenders ? { tenders } : {}),
    lines: rows.map((r) => ({
      lineNo: r.line_no, productId: r.product_id, quantity: r.quantity, unitPriceMinor: r.unit_price_minor, discountMinor: r.discount_minor,
      promoDiscountMinor: r.promo_discount_minor!, netMinor: r.net_minor!, pointsEarned: r.points_earned!, pointsRedeemed: r.points_redeemed!, originalLineNo: r.original_line_no!,
    })),
  };
  // Written once, with its final result (the ledger entries above do not reference receipts).
  await purchases.insertReceiptIn(tx, {
    id: ctx.receiptId, store_id: deps.storeId, customer_id: customerId, kind: 'return', original_receipt_id: original.id, store_time: ctx.at,
    total_minor: -refundNet, created_at: new Date().toISOString(), local_date: ctx.day, request_hash: ctx.requestHash, result_json: JSON.stringify(out),
  }, rows);
  return out;
}

/**
 * What a return gives back by tender when the sale had tenders. Each gift card that paid G of a
 * sale of total T gets back floor(G × R1 / T) − floor(G × R0 / T), where R0 is the net refunded
 * before this return and R1 after it: partial returns add up exactly to G when everything comes
 * back. Points come back line by line (the points that paid each line, pro rata). The rest goes
 * back as the sale's first cash or card tender (cash if none). A blocked gift card refuses its
 * share (VITRINA_ERR_CARD_BLOCKED) and nothing of the return is written; an expired one still
 * takes it back.
 */
async function refundTenders(
  tx: Queryable, deps: ReceiptDeps, original: { id: string; total_minor: number; result_json?: string | null },
  m: { refundedBefore: number; refundNet: number; restoredMinor: number; restoredPoints: number },
  ctx: { receiptId: string; at: string; day: string },
): Promise<TenderResult[] | null> {
  const sale = original.result_json ? (JSON.parse(original.result_json) as ReceiptResult) : null;
  if (!sale?.tenders) return null;
  const T = BigInt(original.total_minor);
  const out: TenderResult[] = [];
  let given = 0;
  if (T > 0n) {
    for (const paid of await deps.giftCards.paidByReceipt(tx, original.id)) {
      const G = BigInt(paid.amount);
      const share = Number((G * BigInt(m.refundedBefore + m.refundNet)) / T - (G * BigInt(m.refundedBefore)) / T);
      if (share <= 0) continue;
      await deps.giftCards.refundIn(tx, paid.gift_card_id, { amountMinor: share, idempotencyKey: `return:${ctx.receiptId}:${paid.gift_card_id}`, receiptId: ctx.receiptId, at: ctx.at, day: ctx.day });
      out.push({ kind: 'gift_card', amountMinor: -share, giftCardId: paid.gift_card_id, last4: paid.last4 });
      given += share;
    }
  }
  if (m.restoredPoints > 0) out.push({ kind: 'points', amountMinor: -m.restoredMinor, points: m.restoredPoints });
  const rest = m.refundNet - given - m.restoredMinor;
  if (rest !== 0) out.push({ kind: sale.tenders.find((t) => t.kind === 'cash' || t.kind === 'card')?.kind ?? 'cash', amountMinor: -rest });
  return out;
}
