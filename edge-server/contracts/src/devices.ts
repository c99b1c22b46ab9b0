import { Type, type Static } from 'typebox';

export const DeviceKind = Type.Union([Type.Literal('kiosk'), Type.Literal('screen')]);
export type DeviceKind = Static<typeof DeviceKind>;

export const Device = Type.Object({
  id: Type.String(),
  kind: DeviceKind,
  name: Type.String(),
  zoneId: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  connected: Type.Boolean(),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
});
export type Device = Static<typeof Device>;

export const PairDeviceRequest = Type.Object(
  {
    kind: DeviceKind,
    name: Type.String({ minLength: 1, maxLength: 80 }),
    zoneId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  },
  { additionalProperties: false },
);
export type PairDeviceRequest = Static<typeof PairDeviceRequest>;

/** The pairing token is shown once, at pairing; the server keeps only its hash. */
export const PairDeviceResponse = Type.Object({ device: Device, token: Type.String() });
export type PairDeviceResponse = Static<typeof PairDeviceResponse>;

export const Zone = Type.Object({ id: Type.String(), name: Type.String() });
export type Zone = Static<typeof Zone>;

/** A new zone of the store (entrance, bakery…): kiosks and screens are paired into one. */
export const CreateZoneRequest = Type.Object({ name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }) }, { additionalProperties: false });
export type CreateZoneRequest = Static<typeof CreateZoneRequest>;

/** Handshake `auth` payload of /kiosk and /signage sockets. */
export const DeviceAuth = Type.Object({ token: Type.String({ minLength: 8, maxLength: 256 }) });
export type DeviceAuth = Static<typeof DeviceAuth>;

/** Sent to a device right after it joins. */
export const DeviceHello = Type.Object({ deviceId: Type.String(), name: Type.String(), zoneId: Type.String() });
export type DeviceHello = Static<typeof DeviceHello>;
