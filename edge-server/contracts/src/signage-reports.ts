import { Type, type Static } from 'typebox';
import { Instant } from './common.js';

/**
 * What devices report back to the edge server over their socket: proof of play (what a screen
 * actually showed), status reports (fleet) and remote screenshots. Owned by the media /
 * proof-of-play / fleet side of issue 10; the device side (signage app) sends them.
 * These shapes are a protocol between app and server: extend only additively.
 */

/** Why an item was on screen. */
export const PlayReason = Type.Union([Type.Literal('scheduled'), Type.Literal('takeover'), Type.Literal('emergency'), Type.Literal('fallback')]);
export type PlayReason = Static<typeof PlayReason>;
export const PLAY_REASONS = ['scheduled', 'takeover', 'emergency', 'fallback'] as const satisfies readonly PlayReason[];

/**
 * One item start/end as the screen saw it. `id` is a UUID the device makes when the play
 * starts; the server counts a record id once, so a replayed batch is harmless. The item's name,
 * kind and media hash are kept as they were, so deleting media never loses history.
 * A takeover actually shown is a record with reason `takeover` and its `takeoverId`.
 */
export const PlayRecord = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' }),
    itemId: Type.String({ minLength: 1, maxLength: 128 }),
    itemName: Type.String({ maxLength: 200 }),
    /** The slide kind (image, video, message, offers board…); free text so new kinds need no change here. */
    itemKind: Type.String({ minLength: 1, maxLength: 32 }),
    /** sha256 (hex) of the media file played, null for slides without a file (message, boards). */
    mediaHash: Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()]),
    layoutId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    regionId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    zoneId: Type.String({ minLength: 1, maxLength: 64 }),
    reason: PlayReason,
    /** The `takeoverId` of the `signage:takeover` shown, for reason `takeover`; null otherwise. */
    takeoverId: Type.Union([Type.String({ minLength: 1, maxLength: 128 }), Type.Null()]),
    startedAt: Instant,
    endedAt: Instant,
  },
  { additionalProperties: false },
);
export type PlayRecord = Static<typeof PlayRecord>;

/** Most records a device sends in one `signage:proof-of-play` batch. */
export const PLAY_BATCH_MAX = 500;

/**
 * A batch of play records. The server checks every row and refuses the whole batch when one row
 * is malformed (VITRINA_ERR_PLAY_BATCH_INVALID, the row index in `details`) or starts/ends in
 * the future beyond a small clock skew (VITRINA_ERR_PLAY_CLOCK_AHEAD); nothing of a refused
 * batch is stored. The schema here is the loose envelope; rows are checked against `PlayRecord`.
 */
export const PlayBatch = Type.Object(
  { records: Type.Array(Type.Unknown(), { minItems: 1, maxItems: PLAY_BATCH_MAX }) },
  { additionalProperties: false },
);
export type PlayBatch = { records: PlayRecord[] };

/** Ack of a batch: how many rows it had, how many were new, how many the server already had. */
export const PlayBatchResult = Type.Object({
  received: Type.Integer({ minimum: 0 }),
  inserted: Type.Integer({ minimum: 0 }),
  duplicates: Type.Integer({ minimum: 0 }),
});
export type PlayBatchResult = Static<typeof PlayBatchResult>;

/** The device's media cache: how many of the items it may play are cached, and their size. */
export const DeviceCacheState = Type.Object(
  {
    itemsCached: Type.Integer({ minimum: 0 }),
    itemsTotal: Type.Integer({ minimum: 0 }),
    bytes: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DeviceCacheState = Static<typeof DeviceCacheState>;

export const DeviceCurrentItem = Type.Object(
  {
    itemId: Type.String({ minLength: 1, maxLength: 128 }),
    itemName: Type.String({ maxLength: 200 }),
    itemKind: Type.String({ minLength: 1, maxLength: 32 }),
  },
  { additionalProperties: false },
);
export type DeviceCurrentItem = Static<typeof DeviceCurrentItem>;

/**
 * `device:status`, sent by a screen or kiosk on connect and then periodically (every minute or
 * so). The server stamps when it arrived; the device's own clock is not trusted for "last seen".
 */
export const DeviceStatusReport = Type.Object(
  {
    appVersion: Type.String({ minLength: 1, maxLength: 64 }),
    currentItem: Type.Union([DeviceCurrentItem, Type.Null()]),
    cache: Type.Union([DeviceCacheState, Type.Null()]),
    uptimeMs: Type.Integer({ minimum: 0 }),
    /** Errors the app counted since it started (failed loads, playback errors…). */
    errorCount: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DeviceStatusReport = Static<typeof DeviceStatusReport>;

export const DeviceStatusAck = Type.Object({ receivedAt: Instant });
export type DeviceStatusAck = Static<typeof DeviceStatusAck>;

/** Largest screenshot data URL a device may send, in characters (about 1.5 MB of image). */
export const SCREENSHOT_MAX_CHARS = 2_000_000;

/** `device:screenshot-request`, server → one device: capture your screen and answer with `device:screenshot`. */
export const ScreenshotRequest = Type.Object({ requestId: Type.String() });
export type ScreenshotRequest = Static<typeof ScreenshotRequest>;

/**
 * `device:screenshot`, device → server, the answer to a request: a PNG, WebP or JPEG data URL
 * (`data:image/png;base64,…`), or null with `failure` saying why the device could not capture.
 * The server keeps the latest image per device.
 */
export const ScreenshotReply = Type.Object(
  {
    requestId: Type.String({ minLength: 1, maxLength: 64 }),
    image: Type.Union([Type.String({ maxLength: SCREENSHOT_MAX_CHARS }), Type.Null()]),
    failure: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ScreenshotReply = Static<typeof ScreenshotReply>;

export const ScreenshotStored = Type.Object({ takenAt: Instant, bytes: Type.Integer({ minimum: 0 }) });
export type ScreenshotStored = Static<typeof ScreenshotStored>;
