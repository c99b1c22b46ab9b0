import {
  LAYOUT_TEMPLATES,
  type Layout,
  type LayoutTemplate,
  type ManifestEntry,
  type PowerWindow,
  type ScheduleEntry,
  type ScreenEmergency,
  type Slide,
  type SnapshotSchedule,
} from './signage-content.js';

/*
 * The schedule evaluator: one pure function that both the edge server (the 48 h manifest) and the
 * signage app (what to play now, on its own clock, offline too) run, so they never disagree.
 *
 * Time is read as the store's wall clock: an instant becomes (date, weekday, minute of day) in the
 * store's IANA zone through Intl, and every window is compared in those minutes. Nothing adds
 * minutes to instants, so a DST change moves no window: 07:00 is 07:00 on both sides of it (a
 * window inside the skipped hour simply does not occur that night; the repeated hour plays twice).
 */

/** A moment on the store's wall clock. */
export interface LocalTime {
  /** YYYY-MM-DD in the store's zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0…1439. */
  minute: number;
}

/** Why a screen plays what it plays (proof of play records it). `sleep`: a power window blanks the screen. */
export type PlanSource = 'emergency' | 'interrupt' | 'scheduled' | 'default';

export type ScreenPlan =
  | {
      state: 'play';
      source: PlanSource;
      /** The schedule entry that won (null for the default layout and the emergency override). */
      entryId: string | null;
      layout: Layout;
      template: LayoutTemplate;
      /** True while an emergency shows: the screen ignores `signage:takeover`. */
      suppressTakeovers: boolean;
      /** Equal keys = the same thing on screen; a screen switches only when the key changes. */
      key: string;
    }
  | { state: 'sleep'; powerWindowId: string; suppressTakeovers: true; key: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR = 15 * 60_000;
/** Per zone: UTC offset (ms) by quarter-hour bucket of the instant. */
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at `instantMs`, asked of Intl once per quarter hour and remembered:
 * offset changes (DST, zone rule changes) happen on UTC quarter hours in every zone, so one
 * quarter hour has one offset. This keeps a 48 h sweep at ~200 Intl calls instead of ~2,900.
 */
function offsetAt(instantMs: number, timeZone: string): number {
  let byBucket = offsets.get(timeZone);
  if (!byBucket) offsets.set(timeZone, (byBucket = new Map()));
  const bucket = Math.floor(instantMs / QUARTER_HOUR);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    let f = formatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      formatters.set(timeZone, f);
    }
    const at = bucket * QUARTER_HOUR;
    const parts: Record<string, string> = {};
    for (const p of f.formatToParts(new Date(at))) parts[p.type] = p.value;
    // Some engines print midnight as 24 even with h23; it is 0 of the same date.
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute));
    offset = wall - at;
    if (byBucket.size > 20_000) byBucket.clear();
    byBucket.set(bucket, offset);
  }
  return offset;
}

/** The store's wall clock at `instantMs` (epoch milliseconds) in `timeZone` (IANA). */
export function localTimeOf(instantMs: number, timeZone: string): LocalTime {
  const wall = new Date(instantMs + offsetAt(instantMs, timeZone));
  return { date: wall.toISOString().slice(0, 10), weekday: wall.getUTCDay(), minute: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** Day of week of a YYYY-MM-DD (0 = Sunday), by calendar arithmetic alone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The calendar day before a YYYY-MM-DD. */
export function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** `HH:MM` (or `24:00`) → minutes since midnight. */
export function wallMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Is a daily window open at `at`, given which days it may start on? A window belongs to the day it
 * starts on: an overnight window (start > end) of a Friday covers Friday start…24:00 and
 * Saturday 00:00…end, even when Saturday itself is not one of its days.
 */
export function windowOpen(start: string, end: string, startsOn: (date: string, weekday: number) => boolean, at: LocalTime): boolean {
  const s = wallMinutes(start);
  const e = wallMinutes(end);
  if (s === e) return false;
  if (s < e) return at.minute >= s && at.minute < e && startsOn(at.date, at.weekday);
  // Overnight: the evening part belongs to today, the morning part to yesterday.
  if (at.minute >= s && startsOn(at.date, at.weekday)) return true;
  if (at.minute < e) {
    const prev = previousDate(at.date);
    return startsOn(prev, (at.weekday + 6) % 7);
  }
  return false;
}

/** Is one schedule entry open at a wall-clock moment (its dates, days and windows; not its priority)? */
export function entryOpenAt(entry: ScheduleEntry, at: LocalTime): boolean {
  const startsOn = (date: string, weekday: number) =>
    entry.daysOfWeek.includes(weekday) && (entry.startDate === null || date >= entry.startDate) && (entry.endDate === null || date <= entry.endDate);
  return entry.windows.some((w) => windowOpen(w.start, w.end, startsOn, at));
}

function powerOpen(window: PowerWindow, at: LocalTime): boolean {
  return windowOpen(window.start, window.end, (_date, weekday) => window.daysOfWeek.includes(weekday), at);
}

/** The full-screen layout an emergency shows. */
export function emergencyLayout(emergency: ScreenEmergency): Layout {
  return {
    id: `emergency:${emergency.id}`,
    name: emergency.title,
    template: 'full',
    regions: [{ regionId: 'main', slides: [{ id: `emergency-${emergency.id}`, kind: 'message', title: emergency.title, body: emergency.body, durationMs: 600000 }] }],
    version: emergency.startedAt,
    updatedAt: emergency.startedAt,
  };
}

function play(source: PlanSource, entryId: string | null, layout: Layout): ScreenPlan {
  return {
    state: 'play',
    source,
    entryId,
    layout,
    template: LAYOUT_TEMPLATES[layout.template],
    suppressTakeovers: source === 'emergency',
    key: `${source}|${entryId ?? ''}|${layout.id}|${layout.version}`,
  };
}

const ENTRY_ORDER = ['emergency', 'interrupt', 'scheduled'] as const;

/**
 * What a zone's screen plays at a wall-clock moment. Order: the emergency override > a power
 * window (sleep) > entries of class emergency > interrupt > scheduled (within a class the first
 * listed wins) > the default layout. An entry whose layout is missing from the snapshot is skipped.
 */
export function planAtLocal(schedule: SnapshotSchedule, at: LocalTime): ScreenPlan {
  if (schedule.emergency) return play('emergency', null, emergencyLayout(schedule.emergency));
  const sleeping = schedule.power.find((w) => powerOpen(w, at));
  if (sleeping) return { state: 'sleep', powerWindowId: sleeping.id, suppressTakeovers: true, key: `sleep|${sleeping.id}` };
  const layouts = new Map(schedule.layouts.map((l) => [l.id, l]));
  for (const priority of ENTRY_ORDER) {
    for (const entry of schedule.entries) {
      if (entry.priority !== priority) continue;
      const layout = layouts.get(entry.layoutId);
      if (layout && entryOpenAt(entry, at)) return play(priority, entry.id, layout);
    }
  }
  const fallback = layouts.get(schedule.defaultLayoutId) ?? emptyLayout(schedule.defaultLayoutId);
  return play('default', null, fallback);
}

/** What plays at `instantMs`, read in the schedule's time zone. Accepts a whole snapshot or just its schedule. */
export function planAt(snapshot: { schedule: SnapshotSchedule } | SnapshotSchedule, instantMs: number): ScreenPlan {
  const schedule = 'schedule' in snapshot ? snapshot.schedule : snapshot;
  return planAtLocal(schedule, localTimeOf(instantMs, schedule.timeZone));
}

function emptyLayout(id: string): Layout {
  return { id, name: '', template: 'full', regions: [{ regionId: 'main', slides: [] }], version: 'empty', updatedAt: new Date(0).toISOString() };
}

const MINUTE = 60_000;

/** Wall-clock minutes at which some window of the schedule opens or closes (and midnight, when dates and days turn). */
function boundaryMinutes(schedule: SnapshotSchedule): Set<number> {
  const out = new Set<number>([0]);
  const add = (t: string) => out.add(wallMinutes(t) % 1440);
  for (const e of schedule.entries) for (const w of e.windows) { add(w.start); add(w.end); }
  for (const p of schedule.power) { add(p.start); add(p.end); }
  return out;
}

/**
 * The minute boundaries in (fromMs, fromMs + horizonMs] at which the plan can change: where the
 * wall clock reads a boundary minute, or jumps (a DST change skipping or repeating minutes).
 * Between them every input of `planAtLocal` but the minute is the same and no window edge is
 * crossed, so sampling only these is exact.
 */
function* changeCandidates(schedule: SnapshotSchedule, fromMs: number, horizonMs: number): Generator<{ atMs: number; local: LocalTime }> {
  const boundaries = boundaryMinutes(schedule);
  let previousWall = Math.floor((fromMs + offsetAt(fromMs, schedule.timeZone)) / MINUTE);
  for (let t = Math.floor(fromMs / MINUTE) * MINUTE + MINUTE; t <= fromMs + horizonMs; t += MINUTE) {
    const wall = Math.floor((t + offsetAt(t, schedule.timeZone)) / MINUTE);
    const jumped = wall !== previousWall + 1;
    previousWall = wall;
    const minute = ((wall % 1440) + 1440) % 1440;
    if (!jumped && !boundaries.has(minute)) continue;
    yield { atMs: t, local: localTimeOf(t, schedule.timeZone) };
  }
}

function scheduleOf(snapshot: { schedule: SnapshotSchedule } | SnapshotSchedule): SnapshotSchedule {
  return 'schedule' in snapshot ? snapshot.schedule : snapshot;
}

/**
 * The first minute boundary after `fromMs` (within `horizonMs`) at which the plan's key differs
 * from the plan at `fromMs`; null if it does not change within the horizon. Screens use it to
 * prefetch the next layout and to know when to re-evaluate; tests to find boundaries.
 */
export function nextPlanChange(snapshot: { schedule: SnapshotSchedule } | SnapshotSchedule, fromMs: number, horizonMs = 48 * 60 * MINUTE): { atMs: number; plan: ScreenPlan } | null {
  const schedule = scheduleOf(snapshot);
  const now = planAt(schedule, fromMs).key;
  for (const c of changeCandidates(schedule, fromMs, horizonMs)) {
    const plan = planAtLocal(schedule, c.local);
    if (plan.key !== now) return { atMs: c.atMs, plan };
  }
  return null;
}

/** Every distinct plan over [fromMs, fromMs + horizonMs] (wall-clock windows are whole minutes). */
export function plansWithin(snapshot: { schedule: SnapshotSchedule } | SnapshotSchedule, fromMs: number, horizonMs = 48 * 60 * MINUTE): ScreenPlan[] {
  const schedule = scheduleOf(snapshot);
  const seen = new Map<string, ScreenPlan>();
  const first = planAt(schedule, fromMs);
  seen.set(first.key, first);
  for (const c of changeCandidates(schedule, fromMs, horizonMs)) {
    const plan = planAtLocal(schedule, c.local);
    if (!seen.has(plan.key)) seen.set(plan.key, plan);
  }
  return [...seen.values()];
}

/**
 * May this slide play at `instantMs`? Only media slides have a limit: the media library's play
 * window (`media.validFrom` ≤ t < `media.validTo`). A region plays its playable slides in order
 * and skips the rest.
 */
export function slidePlayableAt(slide: Slide, instantMs: number): boolean {
  if (slide.kind !== 'image' && slide.kind !== 'video') return true;
  const { validFrom, validTo } = slide.media;
  return (!validFrom || Date.parse(validFrom) <= instantMs) && (!validTo || instantMs < Date.parse(validTo));
}

/** Whether a media slide's play window meets [fromMs, toMs]. */
function playableWithin(slide: Slide, fromMs: number, toMs: number): boolean {
  if (slide.kind !== 'image' && slide.kind !== 'video') return true;
  const { validFrom, validTo } = slide.media;
  return (!validFrom || Date.parse(validFrom) <= toMs) && (!validTo || fromMs < Date.parse(validTo));
}

/** The media files of a layout's slides (images and videos), each once, in slide order; with a window, only those playable in it. */
export function mediaOfLayout(layout: Layout, within?: { fromMs: number; toMs: number }): ManifestEntry[] {
  const out = new Map<string, ManifestEntry>();
  for (const region of layout.regions) {
    for (const slide of region.slides) {
      if (slide.kind !== 'image' && slide.kind !== 'video') continue;
      if (within && !playableWithin(slide, within.fromMs, within.toMs)) continue;
      if (!out.has(slide.media.url)) out.set(slide.media.url, { url: slide.media.url, sha256: slide.media.sha256, mediaId: slide.media.mediaId, kind: slide.kind });
    }
  }
  return [...out.values()];
}

/** Every media file the schedule can play in the next `horizonMs` (48 h by default): the screen's precache manifest. */
export function manifestWithin(snapshot: { schedule: SnapshotSchedule } | SnapshotSchedule, fromMs: number, horizonMs = 48 * 60 * MINUTE): ManifestEntry[] {
  const out = new Map<string, ManifestEntry>();
  for (const plan of plansWithin(snapshot, fromMs, horizonMs)) {
    if (plan.state !== 'play') continue;
    for (const m of mediaOfLayout(plan.layout, { fromMs, toMs: fromMs + horizonMs })) if (!out.has(m.url)) out.set(m.url, m);
  }
  return [...out.values()];
}
