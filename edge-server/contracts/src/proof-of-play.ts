import { Type, type Static } from 'typebox';
import { LocalDate } from './common.js';

/** The proof-of-play report: store-local days `from`..`to` (inclusive), optionally one zone. */
export const ProofOfPlayQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    zoneId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ProofOfPlayQuery = Static<typeof ProofOfPlayQuery>;

const Totals = {
  plays: Type.Integer({ minimum: 0 }),
  /** Seconds on screen, summed over plays (rounded to a tenth). */
  seconds: Type.Number({ minimum: 0 }),
};
const Takeovers = {
  takeoversSent: Type.Integer({ minimum: 0 }),
  /** Distinct takeovers that at least one screen reported showing. */
  takeoversShown: Type.Integer({ minimum: 0 }),
};

export const ProofOfPlayItemRow = Type.Object({ itemId: Type.String(), itemName: Type.String(), itemKind: Type.String(), ...Totals });
export const ProofOfPlayZoneRow = Type.Object({ zoneId: Type.String(), ...Totals, ...Takeovers });
export const ProofOfPlayDayRow = Type.Object({ day: Type.String(), ...Totals, ...Takeovers });

export const ProofOfPlayReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  zoneId: Type.Union([Type.String(), Type.Null()]),
  totals: Type.Object({ ...Totals, ...Takeovers }),
  items: Type.Array(ProofOfPlayItemRow),
  zones: Type.Array(ProofOfPlayZoneRow),
  days: Type.Array(ProofOfPlayDayRow),
});
export type ProofOfPlayReport = Static<typeof ProofOfPlayReport>;
