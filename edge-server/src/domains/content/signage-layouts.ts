import { LAYOUT_TEMPLATES, type Emergency, type Layout, type LayoutInput, type LayoutTemplateId, type Playlist, type PlaylistItem, type RegionPlaylist, type ScreenEmergency, type ScreenSnapshot, type Slide, type ZoneSchedule } from '@vitrina/contracts';
import { sha256Hex } from '../../shared/ids.js';
import type { EmergencyRow, LayoutRow, ScheduleRow } from './repository.js';

/**
 * Pure pieces of signage (signage-service.ts uses them): stored rows ↔ contract shapes, the
 * classic playlist as a layout, and what a zone's layouts show (offers, boards, priced products).
 */

export function layoutRow(id: string, input: LayoutInput, at: string): LayoutRow {
  // Regions in the template's order, whatever order staff sent them in.
  const order = LAYOUT_TEMPLATES[input.template].regions.map((r) => r.id);
  const regions = [...input.regions].sort((a, b) => order.indexOf(a.regionId) - order.indexOf(b.regionId));
  return { id, name: input.name.trim(), template: input.template, regions: JSON.stringify(regions), version: at, updated_at: at };
}

export function toLayout(row: LayoutRow): Layout {
  return { id: row.id, name: row.name, template: row.template as LayoutTemplateId, regions: JSON.parse(row.regions) as RegionPlaylist[], version: row.version, updatedAt: row.updated_at };
}

export function toSchedule(row: ScheduleRow): ZoneSchedule {
  return { zoneId: row.zone_id, defaultLayoutId: row.default_layout_id, entries: JSON.parse(row.entries) as ZoneSchedule['entries'], power: JSON.parse(row.power) as ZoneSchedule['power'], version: row.version };
}

export function parseZones(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[]);
}

export function toEmergency(row: EmergencyRow): Emergency {
  return { id: row.id, zoneIds: parseZones(row.zone_ids), title: row.title, body: row.body, startedAt: row.started_at, endedAt: row.ended_at };
}

export function toScreenEmergency(row: EmergencyRow): ScreenEmergency {
  return { id: row.id, title: row.title, body: row.body, startedAt: row.started_at };
}

/** The classic per-zone playlist as the `full` layout it is: id `playlist-<zoneId>`. */
export function playlistLayout(playlist: Playlist): Layout {
  const slides = playlist.items.map(playlistSlide);
  // The default loop's words follow the loyalty settings, so its version must follow its content.
  const version = `${playlist.version}:${sha256Hex(JSON.stringify(slides)).slice(0, 8)}`;
  const updatedAt = Number.isNaN(Date.parse(playlist.version)) ? new Date(0).toISOString() : playlist.version;
  return { id: `playlist-${playlist.zoneId}`, name: 'Playlist', template: 'full', regions: [{ regionId: 'main', slides }], version, updatedAt };
}

function playlistSlide(item: PlaylistItem): Slide {
  const media = { mediaId: null, url: item.src ?? '', sha256: null };
  if (item.kind === 'image') return { id: item.id, kind: 'image', media, title: item.title, body: item.body, durationMs: item.durationMs };
  if (item.kind === 'video') return { id: item.id, kind: 'video', media, title: item.title, durationMs: item.durationMs };
  return { id: item.id, kind: 'message', title: item.title, body: item.body, durationMs: item.durationMs };
}

export function manifestKey(snapshot: ScreenSnapshot): string {
  return snapshot.manifest.map((m) => m.url).sort().join('\n');
}

function slidesOf(layouts: readonly Layout[]) {
  return layouts.flatMap((l) => l.regions.flatMap((r) => r.slides));
}

export function showsOffers(layouts: readonly Layout[]) {
  return slidesOf(layouts).some((s) => s.kind === 'offers-board');
}

export function showsBoards(layouts: readonly Layout[]) {
  return slidesOf(layouts).some((s) => s.kind === 'offers-board' || s.kind === 'price-board');
}

export function priceProductIds(layouts: readonly Layout[]): string[] {
  return [...new Set(slidesOf(layouts).flatMap((s) => (s.kind === 'price-board' ? s.productIds : [])))];
}
