import { Type, type Static } from 'typebox';
import { Id, Instant, LiteralUnion, LocalDate } from './common.js';
import { SignageOffer } from './offers.js';

/*
 * Signage content: layouts with regions, region playlists of slides, per-zone schedules with
 * priority classes, power/sleep windows, the emergency override, and the snapshot a screen gets.
 *
 * A screen receives a `ScreenSnapshot` (over `signage:snapshot`, pushed on every publish and on
 * request) and decides by itself what to play with `planAt` from `signage-schedule.ts`, against its
 * own clock, so it keeps following the schedule for 48 h without the server. Data-driven slides
 * (offers board, price board) read `snapshot.boards`, which the server refreshes on its own
 * (`signage:boards`) whenever offers, prices or campaigns change — no republish needed.
 */

// ——— Media ————————————————————————————————————————————————————————————————

/** A lowercase hex SHA-256 of a file's bytes. */
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/**
 * A media file a slide shows. From the media library: `mediaId` + its `url` + `sha256`. Files that
 * ship with the server (the demo `/media/*.svg`) have no library id and may have a null hash;
 * the screen caches them by URL.
 */
export const MediaRef = Type.Object(
  {
    mediaId: Type.Union([Id, Type.Null()]),
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    sha256: Type.Union([Sha256, Type.Null()]),
    /**
     * The media library's play window of the file (the server fills these in a snapshot): a
     * screen skips the slide outside it (`slidePlayableAt`). Absent or null: no limit.
     */
    validFrom: Type.Optional(Type.Union([Instant, Type.Null()])),
    validTo: Type.Optional(Type.Union([Instant, Type.Null()])),
  },
  { additionalProperties: false },
);
export type MediaRef = Static<typeof MediaRef>;

// ——— Slides ———————————————————————————————————————————————————————————————

export const SLIDE_KINDS = ['image', 'video', 'message', 'offers-board', 'price-board', 'ticker'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];
export const SlideKindSchema = LiteralUnion(SLIDE_KINDS);

const SlideId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
/** How long the slide stays before the next one of its region (a video ends at its end or here, whichever first). */
const DurationMs = Type.Integer({ minimum: 1000, maximum: 600000 });
const Title = Type.String({ maxLength: 200 });
const Body = Type.String({ maxLength: 1000 });

export const ImageSlide = Type.Object(
  { id: SlideId, kind: Type.Literal('image'), media: MediaRef, title: Title, body: Body, durationMs: DurationMs },
  { additionalProperties: false },
);
export const VideoSlide = Type.Object(
  { id: SlideId, kind: Type.Literal('video'), media: MediaRef, title: Title, durationMs: DurationMs },
  { additionalProperties: false },
);
export const MessageSlide = Type.Object(
  { id: SlideId, kind: Type.Literal('message'), title: Title, body: Body, durationMs: DurationMs },
  { additionalProperties: false },
);
/** The zone's current non-personal offers from live campaigns, prices after discount: `snapshot.boards.offers`. */
export const OffersBoardSlide = Type.Object(
  { id: SlideId, kind: Type.Literal('offers-board'), title: Title, maxOffers: Type.Integer({ minimum: 1, maximum: 12 }), durationMs: DurationMs },
  { additionalProperties: false },
);
/** Chosen catalogue products with their current prices: the rows of `snapshot.boards.prices` whose productId is listed, in this order. */
export const PriceBoardSlide = Type.Object(
  {
    id: SlideId,
    kind: Type.Literal('price-board'),
    title: Title,
    productIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 24 }),
    durationMs: DurationMs,
  },
  { additionalProperties: false },
);
/** Scrolling text; only in a `ticker` region. */
export const TickerSlide = Type.Object(
  { id: SlideId, kind: Type.Literal('ticker'), text: Type.String({ minLength: 1, maxLength: 500 }), durationMs: DurationMs },
  { additionalProperties: false },
);

export const Slide = Type.Union([ImageSlide, VideoSlide, MessageSlide, OffersBoardSlide, PriceBoardSlide, TickerSlide]);
export type Slide = Static<typeof Slide>;

// ——— Layouts ——————————————————————————————————————————————————————————————

export const LAYOUT_TEMPLATE_IDS = ['full', 'main-side', 'main-ticker'] as const;
export type LayoutTemplateId = (typeof LAYOUT_TEMPLATE_IDS)[number];
export const LayoutTemplateIdSchema = LiteralUnion(LAYOUT_TEMPLATE_IDS);

/** Where a region sits, in percent of the screen's width/height from the top-left corner. */
export const RegionGeometry = Type.Object(
  {
    x: Type.Number({ minimum: 0, maximum: 100 }),
    y: Type.Number({ minimum: 0, maximum: 100 }),
    width: Type.Number({ minimum: 0, maximum: 100 }),
    height: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type RegionGeometry = Static<typeof RegionGeometry>;

export const LayoutRegion = Type.Object(
  { id: Type.String(), geometry: RegionGeometry, accepts: Type.Array(SlideKindSchema) },
  { additionalProperties: false },
);
export type LayoutRegion = Static<typeof LayoutRegion>;

export const LayoutTemplate = Type.Object(
  { id: LayoutTemplateIdSchema, regions: Type.Array(LayoutRegion) },
  { additionalProperties: false },
);
export type LayoutTemplate = Static<typeof LayoutTemplate>;

const NOT_TICKER: SlideKind[] = ['image', 'video', 'message', 'offers-board', 'price-board'];

/** The built-in layouts. Region ids are stable: `main`, `side`, `ticker`. */
export const LAYOUT_TEMPLATES: Readonly<Record<LayoutTemplateId, LayoutTemplate>> = {
  full: { id: 'full', regions: [{ id: 'main', geometry: { x: 0, y: 0, width: 100, height: 100 }, accepts: NOT_TICKER }] },
  'main-side': {
    id: 'main-side',
    regions: [
      { id: 'main', geometry: { x: 0, y: 0, width: 70, height: 100 }, accepts: NOT_TICKER },
      { id: 'side', geometry: { x: 70, y: 0, width: 30, height: 100 }, accepts: NOT_TICKER },
    ],
  },
  'main-ticker': {
    id: 'main-ticker',
    regions: [
      { id: 'main', geometry: { x: 0, y: 0, width: 100, height: 88 }, accepts: NOT_TICKER },
      { id: 'ticker', geometry: { x: 0, y: 88, width: 100, height: 12 }, accepts: ['ticker'] },
    ],
  },
};

/** One region's loop. Every region of the layout's template has one (it may be empty: the region shows nothing). */
export const RegionPlaylist = Type.Object(
  { regionId: Type.String({ minLength: 1, maxLength: 32 }), slides: Type.Array(Slide, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type RegionPlaylist = Static<typeof RegionPlaylist>;

/** What staff send to create or replace a layout. */
export const LayoutInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    template: LayoutTemplateIdSchema,
    regions: Type.Array(RegionPlaylist, { minItems: 1, maxItems: 8 }),
  },
  { additionalProperties: false },
);
export type LayoutInput = Static<typeof LayoutInput>;

/** A layout: a built-in template with a playlist per region. `version` changes on every save. */
export const Layout = Type.Object(
  {
    id: Id,
    name: Type.String(),
    template: LayoutTemplateIdSchema,
    regions: Type.Array(RegionPlaylist),
    version: Type.String(),
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type Layout = Static<typeof Layout>;

export const LayoutList = Type.Object({ layouts: Type.Array(Layout) }, { additionalProperties: false });
export type LayoutList = Static<typeof LayoutList>;

// ——— Schedules ————————————————————————————————————————————————————————————

/**
 * Priority classes, lowest first: `default` (the zone's default layout) < `scheduled` <
 * `interrupt` (share-of-voice slots that pre-empt the schedule) < `emergency`. The emergency
 * override from the console (`snapshot.emergency`) beats all of them, sleep included.
 */
export const PRIORITY_CLASSES = ['default', 'scheduled', 'interrupt', 'emergency'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];
export const ENTRY_PRIORITIES = ['scheduled', 'interrupt', 'emergency'] as const;
export type EntryPriority = (typeof ENTRY_PRIORITIES)[number];

/** A store-local wall-clock time, HH:MM; `24:00` is allowed as an end (midnight at the end of the day). */
export const WallTime = Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' });

/**
 * A daily window in the store's wall clock. `start < end`: that day; `start > end`: overnight —
 * from `start` to midnight and on into the next day until `end` (the window belongs to the day
 * it starts on, for days of week and date ranges). `start == end` is refused; all day is
 * `00:00`–`24:00`.
 */
export const TimeWindow = Type.Object({ start: WallTime, end: WallTime }, { additionalProperties: false });
export type TimeWindow = Static<typeof TimeWindow>;

/** Days of week, 0 = Sunday … 6 = Saturday, in the store's time zone. */
export const DaysOfWeek = Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, uniqueItems: true });

export const ScheduleEntry = Type.Object(
  {
    id: SlideId,
    label: Type.String({ maxLength: 120 }),
    layoutId: Id,
    priority: LiteralUnion(ENTRY_PRIORITIES),
    /** First and last store-local day the entry may start a window on (inclusive); null = open. */
    startDate: Type.Union([LocalDate, Type.Null()]),
    endDate: Type.Union([LocalDate, Type.Null()]),
    daysOfWeek: DaysOfWeek,
    windows: Type.Array(TimeWindow, { minItems: 1, maxItems: 8 }),
  },
  { additionalProperties: false },
);
export type ScheduleEntry = Static<typeof ScheduleEntry>;

/** The screen blanks (sleeps) during these windows, same wall-clock rules as `TimeWindow`. */
export const PowerWindow = Type.Object(
  { id: SlideId, daysOfWeek: DaysOfWeek, start: WallTime, end: WallTime },
  { additionalProperties: false },
);
export type PowerWindow = Static<typeof PowerWindow>;

/**
 * What staff send for a zone's schedule. Entries of the same priority class: the first listed
 * wins. `defaultLayoutId: null` plays the zone's classic playlist (`/api/v1/zones/:zoneId/playlist`)
 * as a `full` layout.
 */
export const ScheduleInput = Type.Object(
  {
    defaultLayoutId: Type.Union([Id, Type.Null()]),
    entries: Type.Array(ScheduleEntry, { maxItems: 200 }),
    power: Type.Array(PowerWindow, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ScheduleInput = Static<typeof ScheduleInput>;

export const ZoneSchedule = Type.Object(
  {
    zoneId: Id,
    defaultLayoutId: Type.Union([Id, Type.Null()]),
    entries: Type.Array(ScheduleEntry),
    power: Type.Array(PowerWindow),
    version: Type.String(),
  },
  { additionalProperties: false },
);
export type ZoneSchedule = Static<typeof ZoneSchedule>;

// ——— Emergency override ———————————————————————————————————————————————————

export const StartEmergencyRequest = Type.Object(
  {
    /** The zones to take over; null = the whole store (zones added later included). */
    zoneIds: Type.Union([Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }), Type.Null()]),
    title: Type.String({ minLength: 1, maxLength: 120 }),
    body: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type StartEmergencyRequest = Static<typeof StartEmergencyRequest>;

export const Emergency = Type.Object(
  {
    id: Id,
    zoneIds: Type.Union([Type.Array(Id), Type.Null()]),
    title: Type.String(),
    body: Type.String(),
    startedAt: Instant,
    /** Set when reverted; screens go back to their schedule at once. */
    endedAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Emergency = Static<typeof Emergency>;

export const EmergencyList = Type.Object({ emergencies: Type.Array(Emergency) }, { additionalProperties: false });
export type EmergencyList = Static<typeof EmergencyList>;

/** The emergency a screen shows: full screen, over everything (takeovers, schedule, sleep). */
export const ScreenEmergency = Type.Object(
  { id: Id, title: Type.String(), body: Type.String(), startedAt: Instant },
  { additionalProperties: false },
);
export type ScreenEmergency = Static<typeof ScreenEmergency>;

// ——— Data-driven boards ———————————————————————————————————————————————————

/** One catalogue product's price for a price board (non-personal: the shelf price and any live store-wide offer on it). */
export const PriceBoardRow = Type.Object(
  {
    productId: Type.String(),
    name: Type.String(),
    priceMinor: Type.Union([Type.Integer(), Type.Null()]),
    /** The price with the zone's live non-personal offer on the product, if there is one. */
    offerPriceMinor: Type.Union([Type.Integer(), Type.Null()]),
    discountText: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PriceBoardRow = Static<typeof PriceBoardRow>;

/** What the data-driven slides of a zone show now. Never anything about a shopper. */
export const SignageBoards = Type.Object(
  {
    zoneId: Id,
    /** Changes whenever the data does. */
    version: Type.String(),
    offers: Type.Array(SignageOffer),
    /** Rows for every product any price board of the snapshot's layouts lists (unknown products are left out). */
    prices: Type.Array(PriceBoardRow),
    /** ISO 4217 code and BCP 47 locale to format the prices with. */
    currency: Type.String(),
    locale: Type.String(),
  },
  { additionalProperties: false },
);
export type SignageBoards = Static<typeof SignageBoards>;

// ——— The screen snapshot ——————————————————————————————————————————————————

/** One file a screen may play within the snapshot's 48 h: prefetch all of them, never switch to an item whose file is not cached. */
export const ManifestEntry = Type.Object(
  {
    url: Type.String(),
    sha256: Type.Union([Sha256, Type.Null()]),
    mediaId: Type.Union([Id, Type.Null()]),
    kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  },
  { additionalProperties: false },
);
export type ManifestEntry = Static<typeof ManifestEntry>;

/** The part of a snapshot `planAt` reads (the server evaluates it before it has boards and a manifest). */
export const SnapshotSchedule = Type.Object(
  {
    /** IANA zone of the store: every window, day and date is read in it. */
    timeZone: Type.String(),
    /** Always set in a snapshot (the classic playlist's layout when staff chose none). */
    defaultLayoutId: Id,
    entries: Type.Array(ScheduleEntry),
    power: Type.Array(PowerWindow),
    /** Every layout the default and the entries name. */
    layouts: Type.Array(Layout),
    emergency: Type.Union([ScreenEmergency, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SnapshotSchedule = Static<typeof SnapshotSchedule>;

/**
 * Everything a zone's screen needs to play on its own for 48 h. Sent as `signage:snapshot`
 * (on connect when asked, on every publish, emergency start and revert) and from
 * `GET /api/v1/zones/:zoneId/snapshot`, and again when the sliding 48 h window reaches media
 * the last one did not list. A screen keeps the newest one it has (compare `version`, then
 * `generatedAt`), evaluates it with `planAt(snapshot, Date.now())` at every minute boundary (or
 * at `nextPlanChange`), and asks again (`signage:snapshot`) on every reconnect.
 *
 * `emergency`: when set, `planAt` answers the emergency (source `emergency`,
 * `suppressTakeovers: true`): the screen shows it full screen and ignores `signage:takeover`
 * until a snapshot with `emergency: null` arrives.
 */
export const ScreenSnapshot = Type.Object(
  {
    zoneId: Id,
    version: Type.String(),
    generatedAt: Instant,
    /** generatedAt + 48 h: the manifest covers what can play until then. */
    validUntil: Instant,
    schedule: SnapshotSchedule,
    boards: SignageBoards,
    manifest: Type.Array(ManifestEntry),
  },
  { additionalProperties: false },
);
export type ScreenSnapshot = Static<typeof ScreenSnapshot>;

/** How a media library item is used: for its deletion check (s-media) and "used in N layouts". */
export interface MediaUsage {
  mediaId: string;
  layouts: Array<{ id: string; name: string }>;
  /** Zones whose schedule (default or an entry) plays one of those layouts. */
  scheduledZoneIds: string[];
}
