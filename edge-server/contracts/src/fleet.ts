import { Type, type Static } from 'typebox';
import { DeviceKind } from './devices.js';
import { Instant } from './common.js';
import { DeviceCacheState, DeviceCurrentItem } from './signage-reports.js';

/** One kiosk or screen as the fleet page shows it: pairing facts, its last report, and whether it went silent. */
export const FleetDevice = Type.Object({
  id: Type.String(),
  kind: DeviceKind,
  name: Type.String(),
  zoneId: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  connected: Type.Boolean(),
  /** Latest of: the socket was seen, a status report arrived. */
  lastSeenAt: Type.Union([Instant, Type.Null()]),
  /** Active and not heard from for more than the silence threshold (or never). */
  silent: Type.Boolean(),
  appVersion: Type.Union([Type.String(), Type.Null()]),
  currentItem: Type.Union([DeviceCurrentItem, Type.Null()]),
  cache: Type.Union([DeviceCacheState, Type.Null()]),
  uptimeMs: Type.Union([Type.Integer(), Type.Null()]),
  errorCount: Type.Union([Type.Integer(), Type.Null()]),
  reportedAt: Type.Union([Instant, Type.Null()]),
  /** When the latest remote screenshot was taken (null: none yet). */
  screenshotAt: Type.Union([Instant, Type.Null()]),
});
export type FleetDevice = Static<typeof FleetDevice>;

export const FleetView = Type.Object({
  /** Minutes without news after which an active device counts as silent (config FLEET_SILENT_MINUTES). */
  silentAfterMinutes: Type.Integer(),
  devices: Type.Array(FleetDevice),
  /** Ids of the silent devices: the console shows an alert while this is not empty. */
  alerts: Type.Array(Type.Object({ deviceId: Type.String(), name: Type.String(), zoneId: Type.String(), lastSeenAt: Type.Union([Instant, Type.Null()]) })),
});
export type FleetView = Static<typeof FleetView>;

/** The latest remote screenshot of a device, as a data URL the console shows in an <img>. */
export const FleetScreenshot = Type.Object({ deviceId: Type.String(), takenAt: Instant, bytes: Type.Integer(), image: Type.String() });
export type FleetScreenshot = Static<typeof FleetScreenshot>;
