import { Type, type Static } from 'typebox';
import { KioskOffer, OffersBasis } from './offers.js';
import { BirthdayInput } from './kiosk-card.js';

export const TierInfo = Type.Object({
  name: Type.String(),
  /** Next tier's name and the spend (minor units) still needed, null at the top tier. */
  next: Type.Union([Type.Object({ name: Type.String(), remainingSpendMinor: Type.Integer() }), Type.Null()]),
});
export type TierInfo = Static<typeof TierInfo>;

/** What the kiosk shows after a known card is scanned (sent as `kiosk:session`). */
export const KioskSession = Type.Object({
  sessionId: Type.String(),
  kioskId: Type.String(),
  /** First name only, and only with the shopper's consent; null otherwise. */
  greetingName: Type.Union([Type.String(), Type.Null()]),
  cardLast4: Type.String(),
  pointsBalance: Type.Integer(),
  pointsExpiring: Type.Union([Type.Object({ points: Type.Integer(), by: Type.String() }), Type.Null()]),
  tier: TierInfo,
  /** False when the shopper has not given profiling consent: offers are then non-personal. */
  personalized: Type.Boolean(),
  /** One card per product: the best offer the shopper may have (the till's own eligibility rule). */
  offers: Type.Array(KioskOffer),
  /** The heading the kiosk shows over the offers: "Picked for you" or "Popular in this store". */
  offersBasis: OffersBasis,
  /** Which scorer ranked the offers: the ONNX model's version, or "fallback". */
  scoredBy: Type.String(),
});
export type KioskSession = Static<typeof KioskSession>;

/** Sent as `kiosk:unknown-card` when a valid card number is not registered yet. */
export const UnknownCard = Type.Object({
  kioskId: Type.String(),
  cardLast4: Type.String(),
  /** Opaque, short-lived token the kiosk uses to enroll this card without re-sending the number. */
  enrollToken: Type.String(),
});
export type UnknownCard = Static<typeof UnknownCard>;

export const IdentifyResult = Type.Union([
  Type.Object({
    status: Type.Literal('known'),
    session: KioskSession,
    /**
     * Only in the ack of `kiosk:enroll`, when the shopper joined with a phone number and no
     * card: the full number of the virtual card (EAN-13) the store issued, for the kiosk to show
     * (and draw as a barcode) once. The server keeps only its HMAC and last 4.
     */
    virtualCard: Type.Optional(Type.String({ pattern: '^[0-9]{13}$' })),
  }),
  Type.Object({ status: Type.Literal('unknown'), unknown: UnknownCard }),
]);
export type IdentifyResult = Static<typeof IdentifyResult>;

export const ClipRequest = Type.Object(
  { sessionId: Type.String({ minLength: 1, maxLength: 64 }), offerId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type ClipRequest = Static<typeof ClipRequest>;

export const EndSessionRequest = Type.Object(
  { sessionId: Type.String({ minLength: 1, maxLength: 64 }), reason: Type.Union([Type.Literal('timeout'), Type.Literal('done')]) },
  { additionalProperties: false },
);
export type EndSessionRequest = Static<typeof EndSessionRequest>;

export const EnrollRequest = Type.Object(
  {
    enrollToken: Type.String({ minLength: 1, maxLength: 128 }),
    firstName: Type.String({ minLength: 1, maxLength: 40 }),
    consents: Type.Object({ program: Type.Boolean(), marketing: Type.Boolean(), profiling: Type.Boolean() }),
    /** Optional phone number given with a card, so the keypad finds the shopper by phone too. */
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** Day and month, year optional; stored to send birthday offers. */
    birthday: Type.Optional(BirthdayInput),
    /** Optional e-mail address; stored only as its HMAC and a masked hint. */
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
    /** A friend's referral code, typed or read from their QR (the whole `vitrina://referral?…` payload is accepted). */
    referralCode: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type EnrollRequest = Static<typeof EnrollRequest>;
