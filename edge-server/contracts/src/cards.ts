import { Type, type Static } from 'typebox';

/** What a kiosk (keypad or keyboard-wedge) sends to identify a shopper. */
export const IdentifyRequest = Type.Object(
  {
    /** Raw card number, phone number, or keyboard-wedge burst as typed/scanned. */
    code: Type.String({ minLength: 1, maxLength: 128 }),
    source: Type.Union([Type.Literal('keypad'), Type.Literal('wedge'), Type.Literal('scanner')]),
  },
  { additionalProperties: false },
);
export type IdentifyRequest = Static<typeof IdentifyRequest>;
