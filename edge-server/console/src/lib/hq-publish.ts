import {
  LAYOUT_TEMPLATES, type CatalogPreview, type LayoutInput, type LayoutTemplateId, type MediaItem, type PublishSignageRequest, type PublishTarget,
  type ScheduleInput, type Slide,
} from '@vitrina/contracts';

/** The most a `catalog` / `prices` message carries (ChainCatalog / ChainPrices maxItems): larger files go as several publications. */
export const CATALOG_BATCH = 10_000;
export const PRICES_BATCH = 50_000;

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The publish requests a preview becomes: products first (prices name them), each within the message limits. */
export function catalogRequests(target: PublishTarget, view: Pick<CatalogPreview, 'products' | 'prices'>) {
  return {
    catalog: chunks(view.products, CATALOG_BATCH).map((products) => ({ target, payload: { products } })),
    prices: chunks(view.prices, PRICES_BATCH).map((prices) => ({ target, payload: { prices } })),
  };
}

/** A file's bytes as base64 (the JSON body of the catalogue preview). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A chain layout's id from its name: the same name published again replaces the stores' copy. */
export function chainLayoutId(name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `hq-${slug || 'layout'}-${h.toString(36)}`;
}

/** One slide as the head-office form holds it. */
export type SlideDraft =
  | { kind: 'image'; mediaId: string; title: string; seconds: number }
  | { kind: 'message'; title: string; body: string; seconds: number }
  | { kind: 'ticker'; text: string; seconds: number };

export interface SignageDraft {
  name: string;
  template: LayoutTemplateId;
  /** Slides per region id of the template. */
  regions: Record<string, SlideDraft[]>;
  zoneId: string;
  /** Always (the zone's default layout) or only in a daily window (a scheduled entry; outside it the zone plays what it did). */
  when: { kind: 'always' } | { kind: 'daily'; start: string; end: string };
}

export const EMPTY_SIGNAGE: SignageDraft = { name: '', template: 'main-ticker', regions: {}, zoneId: 'entrance', when: { kind: 'always' } };

/** The slide kinds a region of a template accepts that this form can make. */
export function draftKindsFor(template: LayoutTemplateId, regionId: string): SlideDraft['kind'][] {
  const accepts = LAYOUT_TEMPLATES[template].regions.find((r) => r.id === regionId)?.accepts ?? [];
  return (['image', 'message', 'ticker'] as const).filter((k) => accepts.includes(k));
}

function slideOf(d: SlideDraft, id: string, media: ReadonlyMap<string, MediaItem>): Slide | null {
  const durationMs = Math.round(Math.min(600, Math.max(1, d.seconds)) * 1000);
  if (d.kind === 'message') return { id, kind: 'message', title: d.title, body: d.body, durationMs };
  if (d.kind === 'ticker') return d.text.trim() ? { id, kind: 'ticker', text: d.text.trim(), durationMs } : null;
  const m = media.get(d.mediaId);
  if (!m) return null;
  return { id, kind: m.kind === 'video' ? 'video' : 'image', media: { mediaId: m.id, url: m.url, sha256: m.id }, title: d.title, ...(m.kind === 'video' ? {} : { body: '' }), durationMs } as Slide;
}

/**
 * The draft as the publication request (null while it cannot be published: no name, no zone, no
 * slide, or no target). The layout plays as the zone's default, or in a daily window every day.
 */
export function signageRequest(d: SignageDraft, target: PublishTarget | null, media: ReadonlyMap<string, MediaItem>): PublishSignageRequest | null {
  if (!target || !d.name.trim() || !d.zoneId.trim()) return null;
  const regions: LayoutInput['regions'] = LAYOUT_TEMPLATES[d.template].regions.map((r) => ({
    regionId: r.id,
    slides: (d.regions[r.id] ?? []).map((s, i) => slideOf(s, `${r.id}-${i + 1}`, media)).filter((s): s is Slide => s !== null),
  }));
  if (regions.every((r) => r.slides.length === 0)) return null;
  const id = chainLayoutId(d.name.trim());
  const schedule: ScheduleInput = d.when.kind === 'always'
    ? { defaultLayoutId: id, entries: [], power: [] }
    : {
      defaultLayoutId: null, power: [],
      entries: [{ id: 'hq-daily', label: d.name.trim().slice(0, 120), layoutId: id, priority: 'scheduled', startDate: null, endDate: null, daysOfWeek: [0, 1, 2, 3, 4, 5, 6], windows: [{ start: d.when.start, end: d.when.end }] }],
    };
  return { target, zoneId: d.zoneId.trim(), layouts: [{ id, name: d.name.trim(), template: d.template, regions }], schedule };
}

