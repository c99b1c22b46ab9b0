import {
  LAYOUT_TEMPLATES,
  type LayoutInput,
  type LayoutTemplateId,
  type PowerWindow,
  type RegionPlaylist,
  type ScheduleEntry,
  type Slide,
  type SlideKind,
} from '@vitrina/contracts';

/*
 * Pure helpers of the layout and schedule editors (pages/layouts, pages/schedule): new slides,
 * switching a layout's template without losing what still fits, and the checks the server makes,
 * so a mistake shows beside its field before anything is sent.
 */

let seq = 0;
/** A slide or entry id unique in the draft (the server checks uniqueness too). */
export function draftId(prefix: string): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}${seq.toString(36)}`;
}

export function newSlide(kind: SlideKind): Slide {
  const id = draftId(kind);
  switch (kind) {
    case 'image':
      return { id, kind, media: { mediaId: null, url: '', sha256: null }, title: '', body: '', durationMs: 8000 };
    case 'video':
      return { id, kind, media: { mediaId: null, url: '', sha256: null }, title: '', durationMs: 30000 };
    case 'message':
      return { id, kind, title: '', body: '', durationMs: 8000 };
    case 'offers-board':
      return { id, kind, title: '', maxOffers: 6, durationMs: 12000 };
    case 'price-board':
      return { id, kind, title: '', productIds: [], durationMs: 12000 };
    case 'ticker':
      return { id, kind, text: '', durationMs: 20000 };
  }
}

/** An empty layout of a template: one empty playlist per region. */
export function newLayout(template: LayoutTemplateId = 'full'): LayoutInput {
  return { name: '', template, regions: LAYOUT_TEMPLATES[template].regions.map((r) => ({ regionId: r.id, slides: [] })) };
}

/**
 * The same layout on another template: regions that exist in both keep the slides the new region
 * accepts (main stays main); regions the template lacks are dropped.
 */
export function switchTemplate(layout: LayoutInput, template: LayoutTemplateId): LayoutInput {
  const regions: RegionPlaylist[] = LAYOUT_TEMPLATES[template].regions.map((r) => {
    const old = layout.regions.find((x) => x.regionId === r.id);
    return { regionId: r.id, slides: (old?.slides ?? []).filter((s) => r.accepts.includes(s.kind)) };
  });
  return { ...layout, template, regions };
}

export function updateRegion(layout: LayoutInput, regionId: string, slides: Slide[]): LayoutInput {
  return { ...layout, regions: layout.regions.map((r) => (r.regionId === regionId ? { ...r, slides } : r)) };
}

export function moveSlide(slides: Slide[], index: number, delta: number): Slide[] {
  const to = index + delta;
  if (to < 0 || to >= slides.length) return slides;
  const next = [...slides];
  const [s] = next.splice(index, 1);
  next.splice(to, 0, s!);
  return next;
}

export type LayoutProblem = { regionId: string | null; index: number | null; key: string; values?: Record<string, string | number> };

/** What the server would refuse, as catalogue keys (`layouts.problems.*`). */
export function layoutProblems(layout: LayoutInput): LayoutProblem[] {
  const out: LayoutProblem[] = [];
  if (!layout.name.trim()) out.push({ regionId: null, index: null, key: 'layouts.problems.name' });
  for (const r of layout.regions) {
    r.slides.forEach((s, index) => {
      const at = { regionId: r.regionId, index, values: { n: index + 1, region: r.regionId } };
      if (s.durationMs < 1000 || s.durationMs > 600000 || !Number.isFinite(s.durationMs)) out.push({ ...at, key: 'layouts.problems.duration' });
      if ((s.kind === 'image' || s.kind === 'video') && !/^\/(?!\/)/.test(s.media.url)) out.push({ ...at, key: 'layouts.problems.mediaUrl' });
      if ((s.kind === 'image' || s.kind === 'video') && s.media.sha256 !== null && !/^[0-9a-f]{64}$/.test(s.media.sha256)) out.push({ ...at, key: 'layouts.problems.hash' });
      if (s.kind === 'message' && !s.title.trim() && !s.body.trim()) out.push({ ...at, key: 'layouts.problems.messageText' });
      if (s.kind === 'ticker' && !s.text.trim()) out.push({ ...at, key: 'layouts.problems.tickerText' });
      if (s.kind === 'price-board' && s.productIds.length === 0) out.push({ ...at, key: 'layouts.problems.products' });
    });
  }
  return out;
}

export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export function newEntry(layoutId: string): ScheduleEntry {
  return { id: draftId('entry'), label: '', layoutId, priority: 'scheduled', startDate: null, endDate: null, daysOfWeek: [...EVERY_DAY], windows: [{ start: '07:00', end: '10:00' }] };
}

export function newPowerWindow(): PowerWindow {
  return { id: draftId('sleep'), daysOfWeek: [...EVERY_DAY], start: '23:00', end: '06:00' };
}

export function toggleDay(days: number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
}

const WALL = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** What the server would refuse in one entry, as catalogue keys (`schedule.problems.*`). */
export function entryProblems(e: ScheduleEntry): string[] {
  const out: string[] = [];
  if (e.daysOfWeek.length === 0) out.push('schedule.problems.days');
  if (e.startDate && e.endDate && e.endDate < e.startDate) out.push('schedule.problems.endBeforeStart');
  for (const w of e.windows) {
    if (!WALL.test(w.start) || !WALL.test(w.end) || w.start === '24:00') out.push('schedule.problems.time');
    else if (w.start === w.end) out.push('schedule.problems.emptyWindow');
  }
  return [...new Set(out)];
}

export function powerProblems(p: PowerWindow): string[] {
  const out: string[] = [];
  if (p.daysOfWeek.length === 0) out.push('schedule.problems.days');
  if (!WALL.test(p.start) || !WALL.test(p.end) || p.start === '24:00') out.push('schedule.problems.time');
  else if (p.start === p.end) out.push('schedule.problems.emptyWindow');
  return out;
}

/** "22:00–02:00 (overnight)" style: true when a window runs past midnight. */
export function isOvernight(start: string, end: string): boolean {
  return start > end && end !== '24:00';
}
