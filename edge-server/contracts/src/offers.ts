import { Type, type Static } from 'typebox';
import { DiscountKind } from './discounts.js';

/** An offer as shown on the kiosk to the identified shopper. */
export const KioskOffer = Type.Object({
  offerId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  department: Type.String(),
  category: Type.String(),
  /** Regular shelf price in minor units, when known. */
  priceMinor: Type.Union([Type.Integer(), Type.Null()]),
  discountKind: DiscountKind,
  /** Percent (0-100), minor units, points, or the offer price, depending on discountKind. */
  discountValue: Type.Integer(),
  /** Ready-to-show text, e.g. "20% off" or "$1.00 off". */
  discountText: Type.String(),
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
    category: Type.String(),
    priceMinor: Type.Union([Type.Integer(), Type.Null()]),
    discountText: Type.String(),
  },
  { additionalProperties: false },
);
export type SignageOffer = Static<typeof SignageOffer>;
