import { Type, type Static } from 'typebox';

export const Consents = Type.Object(
  { program: Type.Boolean(), marketing: Type.Boolean(), profiling: Type.Boolean() },
  { additionalProperties: false },
);
export type Consents = Static<typeof Consents>;

export const CustomerProfile = Type.Object({
  id: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  enrolledAt: Type.String(),
  consents: Consents,
  consentsUpdatedAt: Type.String(),
  /** Last 4 digits of each card (the numbers themselves are never stored). */
  cards: Type.Array(Type.Object({ kind: Type.String(), last4: Type.String(), status: Type.String() })),
  erasedAt: Type.Union([Type.String(), Type.Null()]),
});
export type CustomerProfile = Static<typeof CustomerProfile>;

/** Right of access: everything the store holds about one customer. */
export const CustomerExport = Type.Object({
  exportedAt: Type.String(),
  profile: CustomerProfile,
  receipts: Type.Array(Type.Object({
    id: Type.String(), kind: Type.String(), storeTime: Type.String(), totalMinor: Type.Integer(),
    lines: Type.Array(Type.Object({ productId: Type.String(), productName: Type.String(), quantity: Type.Integer(), unitPriceMinor: Type.Integer(), discountMinor: Type.Integer() })),
  })),
  clippedOffers: Type.Array(Type.Object({ offerId: Type.String(), clippedAt: Type.String() })),
  loyalty: Type.Object({ pointsBalance: Type.Integer(), tier: Type.String() }),
  events: Type.Array(Type.Object({ type: Type.String(), at: Type.String() })),
});
export type CustomerExport = Static<typeof CustomerExport>;

export const EraseResponse = Type.Object({ id: Type.String(), erasedAt: Type.String(), cardsRemoved: Type.Integer() });
export type EraseResponse = Static<typeof EraseResponse>;
