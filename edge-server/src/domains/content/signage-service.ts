import {
  LAYOUT_TEMPLATES,
  LAYOUT_TEMPLATE_IDS,
  manifestWithin,
  type Emergency,
  type Layout,
  type LayoutInput,
  type ManifestEntry,
  type MediaUsage,
  type Playlist,
  type RegionPlaylist,
  type ScheduleInput,
  type ScreenSnapshot,
  type Slide,
  type SnapshotSchedule,
  type StartEmergencyRequest,
  type ZoneSchedule,
} from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import { newId, sha256Hex } from '../../shared/ids.js';
import type { DevicesService } from '../devices/index.js';
import type { BoardSource } from './boards.js';
import type { ContentRepository, EmergencyRow, ScheduleRow } from './repository.js';
import { checkLayout, mediaIdsOf } from './validate-layout.js';
import { layoutRow, manifestKey, parseZones, playlistLayout, priceProductIds, showsBoards, showsOffers, toEmergency, toLayout, toSchedule, toScreenEmergency } from './signage-layouts.js';
import { checkSchedule } from './validate-schedule.js';

const HOUR = 3_600_000;
/** A snapshot covers this much of the future: its manifest lists what can play until then. */
export const SNAPSHOT_HORIZON_MS = 48 * HOUR;
/** A cached snapshot is rebuilt after this long, so its 48 h window keeps sliding forward. */
const SNAPSHOT_REUSE_MS = 5 * 60_000;

export interface SignageDeps {
  repo: ContentRepository;
  /** The zone's classic playlist (published or the default loop): the default layout until staff pick one. */
  playlist(zoneId: string): Promise<Playlist>;
  devices: Pick<DevicesService, 'listZones'>;
  events: EventBus<DomainEvents>;
  boards: Pick<BoardSource, 'boards'>;
  /** The store's IANA time zone: screens read every schedule window in it. */
  timeZone: string;
  now?: () => number;
}

/** What the media library says of one of its files. */
export interface MediaFacts {
  url: string;
  sha256: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The media library's facts about these ids; ids it does not know are absent. Wired in compose
 * (`useMediaLookup`); until then layouts take media by URL + hash as given.
 */
export type MediaLookup = (ids: readonly string[]) => Promise<ReadonlyMap<string, MediaFacts>>;

/** A play window that has always ended: a slide whose file was deleted from the library never plays. */
const GONE = new Date(0).toISOString();

/**
 * Layouts with regions, per-zone schedules, the emergency override and the snapshot each zone's
 * screens play from. Every write that changes what a zone plays is validated whole before
 * anything is written, written in one transaction, and then published as the zone's new snapshot
 * (`content:snapshot-published`; realtime pushes it to the zone's room). Screens that get a
 * refused write keep what they had: nothing is published.
 */
export class SignageService {
  private readonly now: () => number;
  private readonly cache = new Map<string, { at: number; snapshot: Promise<ScreenSnapshot> }>();
  private readonly lastBoards = new Map<string, string>();
  /** Per zone: the manifest last pushed, so a sliding 48 h window that brings new media is pushed too. */
  private readonly lastManifest = new Map<string, string>();
  private media: MediaLookup | null = null;

  constructor(private readonly deps: SignageDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Wires the media library's existence check (compose, once the media domain exists). */
  useMediaLookup(lookup: MediaLookup) {
    this.media = lookup;
  }

  templates() {
    return { templates: LAYOUT_TEMPLATE_IDS.map((id) => LAYOUT_TEMPLATES[id]) };
  }

  // ——— layouts ———

  async layouts() {
    return { layouts: (await this.deps.repo.layouts()).map(toLayout) };
  }

  async layout(id: string): Promise<Layout> {
    const row = await this.deps.repo.layout(id);
    if (!row) throw new VitrinaError('VITRINA_ERR_LAYOUT_UNKNOWN', `No layout "${id}".`);
    return toLayout(row);
  }

  /** `id`: head office's id of a chain layout (usecases/chain-sync), so its next publication replaces it; else a new one. */
  async createLayout(input: LayoutInput, id: string = newId('lay')): Promise<Layout> {
    await this.checkLayout(input);
    const row = layoutRow(id, input, this.isoNow());
    await this.deps.repo.transaction((tx) => this.deps.repo.upsertLayout(tx, row));
    return toLayout(row);
  }

  /** Replaces a layout; every zone whose schedule plays it gets its new snapshot at once. */
  async updateLayout(id: string, input: LayoutInput): Promise<Layout> {
    await this.checkLayout(input);
    const row = layoutRow(id, input, this.isoNow());
    const zones = await this.deps.repo.transaction(async (tx) => {
      if (!(await this.deps.repo.layout(id, tx))) throw new VitrinaError('VITRINA_ERR_LAYOUT_UNKNOWN', `No layout "${id}".`);
      await this.deps.repo.upsertLayout(tx, row);
      return this.deps.repo.zonesPlaying(id, tx);
    });
    await this.publishZones(zones);
    return toLayout(row);
  }

  async deleteLayout(id: string) {
    await this.deps.repo.transaction(async (tx) => {
      if (!(await this.deps.repo.layout(id, tx))) throw new VitrinaError('VITRINA_ERR_LAYOUT_UNKNOWN', `No layout "${id}".`);
      const zones = await this.deps.repo.zonesPlaying(id, tx);
      if (zones.length > 0) throw new VitrinaError('VITRINA_ERR_LAYOUT_IN_USE', `The schedules of ${zones.join(', ')} play this layout; take it out of them first.`);
      await this.deps.repo.deleteLayout(tx, id);
    });
    return { deleted: true as const };
  }

  private async checkLayout(input: LayoutInput) {
    const ids = mediaIdsOf(input.regions);
    checkLayout(input, this.media && ids.length > 0 ? new Set((await this.media(ids)).keys()) : null);
  }

  // ——— schedules ———

  async schedule(zoneId: string): Promise<ZoneSchedule> {
    await this.requireZone(zoneId);
    const row = await this.deps.repo.schedule(zoneId);
    return row ? toSchedule(row) : { zoneId, defaultLayoutId: null, entries: [], power: [], version: 'none' };
  }

  /** Replaces the zone's schedule and pushes the zone's new snapshot. */
  async publishSchedule(zoneId: string, input: ScheduleInput): Promise<ZoneSchedule> {
    await this.requireZone(zoneId);
    checkSchedule(input);
    const layoutIds = [...new Set([...(input.defaultLayoutId ? [input.defaultLayoutId] : []), ...input.entries.map((e) => e.layoutId)])];
    const row: ScheduleRow = {
      zone_id: zoneId, default_layout_id: input.defaultLayoutId, entries: JSON.stringify(input.entries), power: JSON.stringify(input.power),
      version: this.isoNow(), updated_at: this.isoNow(),
    };
    await this.deps.repo.transaction(async (tx) => {
      const found = new Set((await this.deps.repo.layoutsByIds(layoutIds, tx)).map((l) => l.id));
      const missing = layoutIds.find((id) => !found.has(id));
      if (missing) throw new VitrinaError('VITRINA_ERR_LAYOUT_UNKNOWN', `No layout "${missing}".`);
      await this.deps.repo.saveSchedule(tx, row, layoutIds);
    });
    await this.publishZones([zoneId]);
    return toSchedule(row);
  }

  // ——— emergency override ———

  async emergencies() {
    return { emergencies: (await this.deps.repo.recentEmergencies(50)).map(toEmergency) };
  }

  /** Takes over the chosen zones (null: the whole store) at once; refused while any of them already shows one. */
  async startEmergency(req: StartEmergencyRequest): Promise<Emergency> {
    const zones = (await this.deps.devices.listZones()).map((z) => z.id);
    const unknown = req.zoneIds?.find((id) => !zones.includes(id));
    if (unknown) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No zone "${unknown}".`);
    const row: EmergencyRow = {
      id: newId('emg'), zone_ids: req.zoneIds ? JSON.stringify(req.zoneIds) : null, title: req.title.trim(), body: req.body.trim(),
      started_at: this.isoNow(), ended_at: null,
    };
    if (!row.title) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'An emergency message needs a title.');
    await this.deps.repo.transaction(async (tx) => {
      for (const active of await this.deps.repo.activeEmergencies(tx)) {
        const theirs = parseZones(active.zone_ids);
        const clash = theirs === null || req.zoneIds === null || req.zoneIds.some((z) => theirs.includes(z));
        if (clash) throw new VitrinaError('VITRINA_ERR_EMERGENCY_OVERLAP', `Emergency "${active.title}" already shows there; revert it first.`);
      }
      await this.deps.repo.insertEmergency(tx, row);
    });
    await this.publishZones(req.zoneIds ?? zones);
    return toEmergency(row);
  }

  /** Reverts an emergency: its zones go back to their schedule at once. */
  async endEmergency(id: string): Promise<Emergency> {
    const row = await this.deps.repo.transaction(async (tx) => {
      const found = await this.deps.repo.emergency(id, tx);
      if (!found) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No emergency "${id}".`);
      if (found.ended_at) throw new VitrinaError('VITRINA_ERR_EMERGENCY_ENDED');
      const at = this.isoNow();
      await this.deps.repo.endEmergency(tx, id, at);
      return { ...found, ended_at: at };
    });
    await this.publishZones(parseZones(row.zone_ids) ?? (await this.deps.devices.listZones()).map((z) => z.id));
    return toEmergency(row);
  }

  // ——— media usage ———

  /** How many layouts use a media item and which zones schedule them: the media library's deletion check. */
  async usageOf(mediaId: string): Promise<MediaUsage> {
    const layouts = (await this.deps.repo.layouts()).filter((l) => mediaIdsOf(JSON.parse(l.regions) as RegionPlaylist[]).includes(mediaId));
    const zones = new Set<string>();
    for (const l of layouts) for (const z of await this.deps.repo.zonesPlaying(l.id)) zones.add(z);
    return { mediaId, layouts: layouts.map((l) => ({ id: l.id, name: l.name })), scheduledZoneIds: [...zones].sort() };
  }

  // ——— snapshots ———

  /** What the zone's screens play from now on (cached a few minutes; rebuilt on every publish). */
  async snapshot(zoneId: string): Promise<ScreenSnapshot> {
    const cached = this.cache.get(zoneId);
    if (cached && this.now() - cached.at < SNAPSHOT_REUSE_MS) return cached.snapshot;
    await this.requireZone(zoneId);
    return this.rebuild(zoneId);
  }

  /** Rebuilds and pushes the snapshot of each zone (after a write that changes what they play). */
  async publishZones(zoneIds: readonly string[]) {
    for (const zoneId of new Set(zoneIds)) {
      const snapshot = await this.rebuild(zoneId);
      this.lastBoards.set(zoneId, snapshot.boards.version);
      this.lastManifest.set(zoneId, manifestKey(snapshot));
      this.deps.events.publish('content:snapshot-published', { zoneId, snapshot });
    }
  }

  /**
   * Recomputes the data-driven boards of every zone whose layouts show one, and pushes those that
   * changed (offers, campaign status, prices). Called on `offers:changed` and on a timer. On the
   * way, a zone whose sliding 48 h manifest now lists other media gets its whole snapshot again.
   */
  async refreshBoards() {
    for (const zone of await this.deps.devices.listZones()) {
      const snapshot = await this.snapshot(zone.id);
      // The 48 h window slides: when it reaches media not yet in the screens' manifest, they get the snapshot again.
      const known = this.lastManifest.get(zone.id);
      if (known === undefined) this.lastManifest.set(zone.id, manifestKey(snapshot));
      else if (known !== manifestKey(snapshot)) {
        this.lastManifest.set(zone.id, manifestKey(snapshot));
        this.lastBoards.set(zone.id, snapshot.boards.version);
        this.deps.events.publish('content:snapshot-published', { zoneId: zone.id, snapshot });
        continue;
      }
      if (!showsBoards(snapshot.schedule.layouts)) continue;
      const boards = await this.deps.boards.boards(zone.id, priceProductIds(snapshot.schedule.layouts));
      if (this.lastBoards.get(zone.id) === boards.version) continue;
      this.lastBoards.set(zone.id, boards.version);
      // Later requests get the fresh boards inside the cached snapshot too.
      this.cache.set(zone.id, { at: this.cache.get(zone.id)?.at ?? this.now(), snapshot: Promise.resolve({ ...snapshot, boards }) });
      this.deps.events.publish('content:boards-changed', { zoneId: zone.id, boards });
    }
  }

  private rebuild(zoneId: string): Promise<ScreenSnapshot> {
    const snapshot = this.build(zoneId);
    this.cache.set(zoneId, { at: this.now(), snapshot });
    snapshot.catch(() => this.cache.delete(zoneId));
    return snapshot;
  }

  private async build(zoneId: string): Promise<ScreenSnapshot> {
    const now = this.now();
    const schedule = await this.scheduleOf(zoneId);
    const boards = await this.deps.boards.boards(zoneId, priceProductIds(schedule.layouts));
    // The manifest ignores an emergency: after the revert the schedule plays on from cache.
    const manifest: ManifestEntry[] = manifestWithin({ ...schedule, emergency: null }, now, SNAPSHOT_HORIZON_MS);
    if (showsOffers(schedule.layouts)) {
      for (const o of boards.offers) {
        if (o.imageUrl && !manifest.some((m) => m.url === o.imageUrl)) manifest.push({ url: o.imageUrl, sha256: null, mediaId: null, kind: 'image' });
      }
    }
    return {
      zoneId,
      version: sha256Hex(JSON.stringify(schedule)).slice(0, 16),
      generatedAt: new Date(now).toISOString(),
      validUntil: new Date(now + SNAPSHOT_HORIZON_MS).toISOString(),
      schedule,
      boards,
      manifest,
    };
  }

  private async scheduleOf(zoneId: string): Promise<SnapshotSchedule> {
    const [row, active] = await Promise.all([this.deps.repo.schedule(zoneId), this.deps.repo.activeEmergencies()]);
    const stored = row ? toSchedule(row) : null;
    const layoutIds = stored ? [...new Set([...(stored.defaultLayoutId ? [stored.defaultLayoutId] : []), ...stored.entries.map((e) => e.layoutId)])] : [];
    const layouts = await this.withLibraryFacts((await this.deps.repo.layoutsByIds(layoutIds)).map(toLayout));
    let defaultLayoutId = stored?.defaultLayoutId ?? null;
    if (!defaultLayoutId) {
      const classic = playlistLayout(await this.deps.playlist(zoneId));
      layouts.push(classic);
      defaultLayoutId = classic.id;
    }
    // The newest emergency covering the zone (overlaps are refused, so there is at most one).
    const emergency = active.filter((e) => { const z = parseZones(e.zone_ids); return z === null || z.includes(zoneId); }).at(-1);
    return {
      timeZone: this.deps.timeZone,
      defaultLayoutId,
      entries: stored?.entries ?? [],
      power: stored?.power ?? [],
      layouts: layouts.sort((a, b) => a.id.localeCompare(b.id)),
      emergency: emergency ? toScreenEmergency(emergency) : null,
    };
  }

  /**
   * Library media as the library has them now: URL, hash and play window (screens skip a slide
   * outside it); a file deleted since (forced) gets a window that has ended, so it never plays.
   */
  private async withLibraryFacts(layouts: Layout[]): Promise<Layout[]> {
    const ids = mediaIdsOf(layouts.flatMap((l) => l.regions));
    if (!this.media || ids.length === 0) return layouts;
    const facts = await this.media(ids);
    const fix = (slide: Slide): Slide => {
      if ((slide.kind !== 'image' && slide.kind !== 'video') || !slide.media.mediaId) return slide;
      const f = facts.get(slide.media.mediaId);
      const media = f
        ? { mediaId: slide.media.mediaId, url: f.url, sha256: f.sha256, validFrom: f.validFrom, validTo: f.validTo }
        : { ...slide.media, validFrom: null, validTo: GONE };
      return { ...slide, media };
    };
    return layouts.map((l) => ({ ...l, regions: l.regions.map((r) => ({ ...r, slides: r.slides.map(fix) })) }));
  }

  private async requireZone(zoneId: string) {
    if (!(await this.deps.devices.listZones()).some((z) => z.id === zoneId)) throw new VitrinaError('VITRINA_ERR_NOT_FOUND', `No zone "${zoneId}".`);
  }

  private isoNow() {
    return new Date(this.now()).toISOString();
  }
}
