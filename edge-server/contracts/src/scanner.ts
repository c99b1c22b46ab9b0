import { Type, type Static } from 'typebox';

/** Dev/test only: raw HID reports (bytes) for a simulated scanner, exactly as a device sends them. */
export const SimulatedScannerReports = Type.Object(
  { reports: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), { maxItems: 64 }), { minItems: 1, maxItems: 64 }) },
  { additionalProperties: false },
);
export type SimulatedScannerReports = Static<typeof SimulatedScannerReports>;

export const SimulatedScannerAccepted = Type.Object({ accepted: Type.Integer() });
export type SimulatedScannerAccepted = Static<typeof SimulatedScannerAccepted>;
