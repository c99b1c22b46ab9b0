import { Type, type Static } from 'typebox';
import { Id, Instant, LiteralUnion } from './common.js';

/** Upper bounds that keep every sum of a receipt far inside exact integer range. */
export const RECEIPT_LIMITS = { maxLines: 500, maxQuantity: 100_000, maxUnitPriceMinor: 10_000_000_00, maxReceiptMinor: 100_000_000_00 } as const;

export const SaleLineInput = Type.Object(
  {
    productId: Id,
    /** Units bought (> 0). Returns are posted as kind "return" with negative quantities. */
    quantity: Type.Integer({ minimum: -RECEIPT_LIMITS.maxQuantity, maximum: RECEIPT_LIMITS.maxQuantity }),
    unitPriceMinor: Type.Integer({ minimum: 0, maximum: RECEIPT_LIMITS.maxUnitPriceMinor }),
    /** The till's own line discount (minor units, ≥ 0). */
    discountMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: RECEIPT_LIMITS.maxReceiptMinor })),
    /**
     * A manual markup (> 0) or discount (< 0) the cashier applies after promotions, with a
     * reason. Only admin and marketer roles may post it (VITRINA_ERR_FORBIDDEN otherwise); the
     * audit log keeps who did it. A discount never takes the line below zero.
     */
    manual: Type.Optional(Type.Object(
      { amountMinor: Type.Integer({ minimum: -RECEIPT_LIMITS.maxReceiptMinor, maximum: RECEIPT_LIMITS.maxReceiptMinor }), reason: Type.String({ minLength: 3, maxLength: 200 }) },
      { additionalProperties: false },
    )),
  },
  { additionalProperties: false },
);
export type SaleLineInput = Static<typeof SaleLineInput>;

export const ReturnLineInput = Type.Object(
  {
    /** The line of the original receipt being returned (1-based). */
    originalLineNo: Type.Integer({ minimum: 1, maximum: RECEIPT_LIMITS.maxLines }),
    /** Units returned, negative as the till prints them. */
    quantity: Type.Integer({ minimum: -RECEIPT_LIMITS.maxQuantity, maximum: RECEIPT_LIMITS.maxQuantity }),
  },
  { additionalProperties: false },
);
export type ReturnLineInput = Static<typeof ReturnLineInput>;

export const TENDER_KINDS = ['cash', 'card', 'gift_card', 'points'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];

/**
 * How a sale is paid. With `tenders`, their sum must equal the receipt's total after discounts
 * (VITRINA_ERR_TENDER_MISMATCH), no single tender may exceed it (VITRINA_ERR_TENDER_EXCEEDS_RECEIPT).
 * gift_card: `giftCardNumber` required; its balance is checked and decremented in the receipt's
 * own transaction (expired → VITRINA_ERR_GIFT_CARD_EXPIRED, blocked → VITRINA_ERR_CARD_BLOCKED,
 * short → VITRINA_ERR_INSUFFICIENT_FUNDS). points: `amountMinor` a whole number of points × the
 * point value (needs a card; short → VITRINA_ERR_INSUFFICIENT_POINTS); not together with `pointsToRedeem`.
 */
export const TenderInput = Type.Object(
  {
    kind: LiteralUnion(TENDER_KINDS),
    amountMinor: Type.Integer({ minimum: 1, maximum: RECEIPT_LIMITS.maxReceiptMinor }),
    giftCardNumber: Type.Optional(Type.String({ minLength: 8, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type TenderInput = Static<typeof TenderInput>;

/** A tender as the receipt's result shows it (negative on a return: money given back that way). */
export const TenderResult = Type.Object({
  kind: LiteralUnion(TENDER_KINDS),
  amountMinor: Type.Integer(),
  /** gift_card: the card's id and last 4 digits (never the number). */
  giftCardId: Type.Optional(Type.String()),
  last4: Type.Optional(Type.String()),
  /** points: how many points. */
  points: Type.Optional(Type.Integer()),
});
export type TenderResult = Static<typeof TenderResult>;

const ReceiptBase = {
  /** The till's receipt id: posting the same id again returns the first result and changes nothing. */
  receiptId: Id,
  /** When the till closed the receipt (UTC instant, from 2000-01-01 to one day after the server's clock). */
  storeTime: Instant,
};

export const SaleReceiptInput = Type.Object(
  {
    ...ReceiptBase,
    kind: Type.Literal('sale'),
    /** The loyalty card as scanned at the till; omitted for anonymous sales. */
    cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    lines: Type.Array(SaleLineInput, { minItems: 1, maxItems: RECEIPT_LIMITS.maxLines }),
    /** Promo codes presented at the till. */
    codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 5 })),
    /** Points the shopper pays with (needs a card). */
    pointsToRedeem: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    /** How the receipt is paid (see TenderInput); omitted = the till settles it outside Vitrina. */
    tenders: Type.Optional(Type.Array(TenderInput, { minItems: 1, maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type SaleReceiptInput = Static<typeof SaleReceiptInput>;

export const ReturnReceiptInput = Type.Object(
  {
    ...ReceiptBase,
    kind: Type.Literal('return'),
    originalReceiptId: Id,
    lines: Type.Array(ReturnLineInput, { minItems: 1, maxItems: RECEIPT_LIMITS.maxLines }),
  },
  { additionalProperties: false },
);
export type ReturnReceiptInput = Static<typeof ReturnReceiptInput>;

export const ReceiptInput = Type.Union([SaleReceiptInput, ReturnReceiptInput]);
export type ReceiptInput = Static<typeof ReceiptInput>;

export const ReceiptLineResult = Type.Object({
  lineNo: Type.Integer(),
  productId: Type.String(),
  quantity: Type.Integer(),
  unitPriceMinor: Type.Integer(),
  discountMinor: Type.Integer(),
  promoDiscountMinor: Type.Integer(),
  netMinor: Type.Integer(),
  pointsEarned: Type.Integer(),
  pointsRedeemed: Type.Integer(),
  originalLineNo: Type.Union([Type.Integer(), Type.Null()]),
  /** The cashier's manual markup (> 0) or discount (< 0) on the line, and why. */
  manual: Type.Optional(Type.Object({ amountMinor: Type.Integer(), reason: Type.String() })),
});
export type ReceiptLineResult = Static<typeof ReceiptLineResult>;

export const ReceiptResult = Type.Object({
  receiptId: Type.String(),
  kind: Type.Union([Type.Literal('sale'), Type.Literal('return')]),
  customerId: Type.Union([Type.String(), Type.Null()]),
  originalReceiptId: Type.Union([Type.String(), Type.Null()]),
  localDate: Type.String(),
  /** Merchandise total after all discounts (negative for a return). */
  totalMinor: Type.Integer(),
  /** What the shopper pays (sale) or gets back (return, negative) in money, after points. */
  payableMinor: Type.Integer(),
  promotions: Type.Array(Type.Object({ promotionId: Type.String(), discountMinor: Type.Integer(), points: Type.Integer() })),
  points: Type.Object({
    earned: Type.Integer(),
    redeemed: Type.Integer(),
    reversed: Type.Integer(),
    restored: Type.Integer(),
    balanceAfter: Type.Union([Type.Integer(), Type.Null()]),
  }),
  lines: Type.Array(ReceiptLineResult),
  /** How it was paid (sale) or given back (return, negative amounts); present when the sale had tenders. */
  tenders: Type.Optional(Type.Array(TenderResult)),
  /** Next-order coupons this sale issued (coupon promotions): the grant's promotion and last valid day. */
  coupons: Type.Optional(Type.Array(Type.Object({ promotionId: Type.String(), validFrom: Type.String(), validTo: Type.String() }))),
});
export type ReceiptResult = Static<typeof ReceiptResult>;

export const ImportReport = Type.Object({
  linesRead: Type.Integer(),
  receiptsImported: Type.Integer(),
  linesImported: Type.Integer(),
  receiptsSkippedExisting: Type.Integer(),
  rowsRejected: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), receiptId: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
  seconds: Type.Number(),
  /** Present when the import was cancelled: the receipts counted as imported stay; a re-run skips them and completes the file. */
  cancelled: Type.Optional(Type.Boolean()),
});
export type ImportReport = Static<typeof ImportReport>;

/** How far a background receipts import has come (every committed batch). */
export const ImportProgress = Type.Object({
  linesRead: Type.Integer(),
  receiptsImported: Type.Integer(),
  rowsRejected: Type.Integer(),
  seconds: Type.Number(),
});
export type ImportProgress = Static<typeof ImportProgress>;

/**
 * A background job (a console import): `running` until it ends as `done` (with its report),
 * `cancelled` (the report of what was committed before the cancel) or `failed` (an error).
 */
export const ImportJob = Type.Object({
  jobId: Type.String(),
  kind: Type.Literal('receipts-import'),
  /** What was uploaded (the file's name, as the console sent it), when known. */
  label: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('cancelled'), Type.Literal('failed')]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  progress: ImportProgress,
  report: Type.Union([ImportReport, Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;

/** `maxListed` caps how many rejected rows the import report lists (all are counted). */
export const ImportQuery = Type.Object({ maxListed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) });
export type ImportQuery = Static<typeof ImportQuery>;
