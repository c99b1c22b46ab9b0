import { Type, type Static } from 'typebox';

/**
 * "My card" on the kiosk: what the shopper holding the session sees of their membership, and
 * what they may do with it (claim a promo code, claim a friend's referral code, turn points into
 * a voucher). Every request names the session; the server answers only the kiosk that holds it.
 */

/** A birthday as the shopper gives it: day and month, year optional. 31 February is refused with VITRINA_ERR_BIRTHDAY_INVALID. */
export const BirthdayInput = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 31 }),
    month: Type.Integer({ minimum: 1, maximum: 12 }),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type BirthdayInput = Static<typeof BirthdayInput>;

const SessionId = Type.String({ minLength: 1, maxLength: 64 });

export const MyCardRequest = Type.Object({ sessionId: SessionId }, { additionalProperties: false });
export type MyCardRequest = Static<typeof MyCardRequest>;

export const ClaimCodeRequest = Type.Object(
  { sessionId: SessionId, code: Type.String({ minLength: 1, maxLength: 32 }) },
  { additionalProperties: false },
);
export type ClaimCodeRequest = Static<typeof ClaimCodeRequest>;

/** A friend's referral code typed on My card, or the payload of their QR (`vitrina://referral?…&code=…`). */
export const KioskReferralRequest = Type.Object(
  { sessionId: SessionId, code: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type KioskReferralRequest = Static<typeof KioskReferralRequest>;

export const VoucherRequest = Type.Object(
  { sessionId: SessionId, points: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
  { additionalProperties: false },
);
export type VoucherRequest = Static<typeof VoucherRequest>;

/** Something granted to the card that the till applies on the next carded purchase (claimed code, voucher, birthday). */
export const CardGrant = Type.Object({
  name: Type.String(),
  /** code | voucher | birthday | … (how it came to the card). */
  source: Type.String(),
  discountText: Type.String(),
  validTo: Type.String(),
});
export type CardGrant = Static<typeof CardGrant>;

export const MyCard = Type.Object({
  pointsBalance: Type.Integer(),
  pointValueMinor: Type.Integer(),
  /** Points that lapse within the window, by last valid day (store-local YYYY-MM-DD). */
  expiring: Type.Array(Type.Object({ date: Type.String(), points: Type.Integer() })),
  tier: Type.Object({
    name: Type.String(),
    multiplierPct: Type.Integer(),
    windowSpendMinor: Type.Integer(),
    /** The next tier: its spend threshold, what it gives (earn multiplier) and the spend still needed; null at the top. */
    next: Type.Union([
      Type.Object({ name: Type.String(), thresholdMinor: Type.Integer(), multiplierPct: Type.Integer(), remainingSpendMinor: Type.Integer() }),
      Type.Null(),
    ]),
  }),
  clipped: Type.Array(Type.Object({ offerId: Type.String(), title: Type.String(), discountText: Type.String(), validUntil: Type.String() })),
  /** Unused grants on the card: claimed codes, points vouchers, the birthday gift once granted. */
  grants: Type.Array(CardGrant),
  /** The shopper's own referral code (short, to type) and the QR payload drawn on the kiosk. */
  referral: Type.Object({ code: Type.String(), qrPayload: Type.String(), referrerPoints: Type.Integer(), refereePoints: Type.Integer() }),
  /** True while the shopper may still enter a friend's code (not referred yet, no purchase yet). */
  canClaimReferral: Type.Boolean(),
  /** The program's birthday offer, when today is in the shopper's birthday window. */
  birthday: Type.Union([Type.Object({ name: Type.String(), from: Type.String(), to: Type.String() }), Type.Null()]),
  /** Points → voucher, when the program allows it (loyalty setting voucherMinPoints); null otherwise. */
  voucher: Type.Union([Type.Object({ minPoints: Type.Integer(), pointValueMinor: Type.Integer(), validDays: Type.Integer() }), Type.Null()]),
});
export type MyCard = Static<typeof MyCard>;

export const ClaimedCode = Type.Object({ code: Type.String(), name: Type.String(), validTo: Type.String() });
export type ClaimedCode = Static<typeof ClaimedCode>;

export const ClaimedReferral = Type.Object({ referrerPoints: Type.Integer(), refereePoints: Type.Integer() });
export type ClaimedReferral = Static<typeof ClaimedReferral>;

export const VoucherIssued = Type.Object({
  points: Type.Integer(),
  amountMinor: Type.Integer(),
  validTo: Type.String(),
  balanceAfter: Type.Integer(),
});
export type VoucherIssued = Static<typeof VoucherIssued>;

/** The code inside a referral QR payload, or the typed code itself (upper-cased, trimmed). */
export function referralCodeOf(raw: string): string {
  const text = raw.trim();
  const m = /^vitrina:\/\/referral\?(.*)$/i.exec(text);
  if (m) {
    // The payload is ours (`store=…&code=…`); read its code without a URL parser, which the contracts' lib setting lacks.
    const param = m[1]!.split('&').find((p) => p.toLowerCase().startsWith('code='));
    try {
      return param ? decodeURIComponent(param.slice(5)).trim().toUpperCase() : '';
    } catch {
      return ''; // a malformed %-escape: no code, so "unknown referral code"
    }
  }
  return text.toUpperCase();
}
