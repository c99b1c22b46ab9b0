import type { Layout, PlanSource, PlaylistItem, PlayReason, ScreenSnapshot, Slide } from '@vitrina/contracts';

/**
 * Pure glue between the zone's content (the snapshot's layouts, or the classic playlist when the
 * server sent no snapshot) and the player: which slides can play now, whether a layout is ready
 * to switch to, and how a classic playlist becomes a full-screen layout.
 */

/** The media file a slide needs, if any. */
export function slideMediaUrl(slide: Slide): string | null {
  return slide.kind === 'image' || slide.kind === 'video' ? slide.media.url : null;
}

/**
 * Media under /media/ must be in the media cache first; files bundled with the app (the default
 * loop's pictures) are in the service worker's precache already.
 */
export function mediaReady(url: string | null, isCached: (url: string) => boolean): boolean {
  if (url === null) return true;
  return !url.startsWith('/media/') || isCached(url);
}

export function canPlaySlide(slide: Slide, isCached: (url: string) => boolean): boolean {
  return mediaReady(slideMediaUrl(slide), isCached);
}

/**
 * A layout is ready when every region that has slides has at least one it can play: the screen
 * switches to a new layout only then, and keeps the current one meanwhile.
 */
export function layoutReady(layout: Layout, isCached: (url: string) => boolean): boolean {
  return layout.regions.every((r) => r.slides.length === 0 || r.slides.some((s) => canPlaySlide(s, isCached)));
}

/** Proof of play's reason for a plan's source. */
export function playReason(source: PlanSource | 'fallback'): PlayReason {
  if (source === 'emergency') return 'emergency';
  if (source === 'fallback') return 'fallback';
  return 'scheduled';
}

export function slideFromItem(item: PlaylistItem): Slide {
  if (item.kind === 'message') return { id: item.id, kind: 'message', title: item.title, body: item.body, durationMs: item.durationMs };
  const media = { mediaId: null, url: item.src ?? '', sha256: null };
  if (item.kind === 'video') return { id: item.id, kind: 'video', media, title: item.title, durationMs: item.durationMs };
  return { id: item.id, kind: 'image', media, title: item.title, body: item.body, durationMs: item.durationMs };
}

/** The classic playlist (or the bundled default loop) as a full-screen layout. */
export function loopLayout(id: string, items: readonly PlaylistItem[]): Layout {
  return {
    id,
    name: id,
    template: 'full',
    regions: [{ regionId: 'main', slides: items.map(slideFromItem) }],
    version: items.map((i) => i.id).join(','),
    updatedAt: new Date(0).toISOString(),
  };
}

/** A snapshot read back from storage or the wire: enough of its shape for the player, else null. */
export function parseSnapshot(x: unknown): ScreenSnapshot | null {
  if (typeof x !== 'object' || x === null) return null;
  const s = x as Partial<ScreenSnapshot>;
  const sch = s.schedule;
  if (typeof s.zoneId !== 'string' || typeof s.version !== 'string' || !Array.isArray(s.manifest) || typeof s.boards !== 'object' || s.boards === null) return null;
  if (!sch || typeof sch.timeZone !== 'string' || typeof sch.defaultLayoutId !== 'string' || !Array.isArray(sch.entries) || !Array.isArray(sch.power) || !Array.isArray(sch.layouts)) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: sch.timeZone });
  } catch {
    return null; // a zone this browser cannot read would throw at every evaluation
  }
  return s as ScreenSnapshot;
}

/** Text to name a slide in proof of play and the fleet view. */
export function slideName(slide: Slide): string {
  return (slide.kind === 'ticker' ? slide.text : slide.title).slice(0, 200);
}
