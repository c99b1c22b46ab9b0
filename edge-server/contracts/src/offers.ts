import { Type, type Static } from 'typebox';
import { DiscountKind } from './discounts.js';

/** An offer as shown on the kiosk to the identified shopper. */
export const KioskOffer = Type.Object({
  offerId: Type.String(),
  productId: Type.String(),
  /** The catalogue's name, as stored. */
  productName: Type.String(),
  /** What a shopper reads: the catalogue's short name, else its name cleaned and shortened. */
  displayName: Type.String(),
  /** A same-origin image of the product (`/media/…`), or null: the card draws a placeholder. */
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  department: Type.String(),
  category: Type.String(),
  /** Regular shelf price in minor units, when known. */
  priceMinor: Type.Union([Type.Integer(), Type.Null()]),
  discountKind: DiscountKind,
  /** Percent (0-100), minor units, points, or the offer price, depending on discountKind. */
  discountValue: Type.Integer(),
  /** Ready-to-show text, e.g. "20% off" or "$1.00 off". */
  discountText: Type.String(),
  /**
   * The price of one unit with this offer, exactly as the till's pricing engine would charge it
   * (minor units): null when the shelf price is unknown. Equal to `priceMinor` for a points offer.
   */
  offerPriceMinor: Type.Union([Type.Integer(), Type.Null()]),
  /** Bonus points one unit earns with this offer (points offers), else 0. */
  bonusPoints: Type.Integer(),
  personal: Type.Boolean(),
  clipped: Type.Boolean(),
  validUntil: Type.Union([Type.String(), Type.Null()]),
});
export type KioskOffer = Static<typeof KioskOffer>;

/**
 * The privacy-safe version for signage: offers only. Never a name, balance, card,
 * purchase detail, or an offer in a restricted category.
 */
export const SignageOffer = Type.Object(
  {
    offerId: Type.String(),
    productName: Type.String(),
    /** Short name for screens (see KioskOffer.displayName). */
    displayName: Type.String(),
    imageUrl: Type.Union([Type.String(), Type.Null()]),
    category: Type.String(),
    priceMinor: Type.Union([Type.Integer(), Type.Null()]),
    /** One unit's price with the offer (the till's arithmetic); null when the shelf price is unknown. */
    offerPriceMinor: Type.Union([Type.Integer(), Type.Null()]),
    discountText: Type.String(),
  },
  { additionalProperties: false },
);
export type SignageOffer = Static<typeof SignageOffer>;

/**
 * Why the kiosk shows these offers: `picked` — ranked on the shopper's own purchases (with
 * profiling consent); `popular` — ranked by what sells in this store (no history yet, or no consent).
 */
export const OffersBasis = Type.Union([Type.Literal('picked'), Type.Literal('popular')]);
export type OffersBasis = Static<typeof OffersBasis>;
