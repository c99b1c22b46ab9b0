import { createHash } from 'node:crypto';
import type { ChainContent, LayoutInput, PlaylistItem, ScheduleInput, Slide } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/** What a `content` message needs at the store: the signage services and the media library (wired in compose.ts). */
export interface ContentTargets {
  content: { publish(zoneId: string, items: PlaylistItem[]): Promise<unknown> };
  /** The media library: files go in through its own checks (type by content, sharp, the SVG policy). */
  media?: {
    readonly maxUploadBytes: number;
    upload(source: AsyncIterable<Buffer>, filename: string, declaredMime: string | undefined): Promise<{ item: { id: string; url: string } }>;
  };
  signage?: {
    schedule(zoneId: string): Promise<unknown>;
    layout(id: string): Promise<unknown>;
    createLayout(input: LayoutInput, id: string): Promise<unknown>;
    updateLayout(id: string, input: LayoutInput): Promise<unknown>;
    publishSchedule(zoneId: string, input: ScheduleInput): Promise<unknown>;
  };
}

/** Reads one file of head office's `vitrina_media` object store (null when absent); a link failure throws (the message is retried). */
export type ReadMedia = (name: string) => Promise<Uint8Array | null>;

const exists = (p: Promise<unknown>) => p.then(() => true, () => false);

async function* once(bytes: Uint8Array): AsyncGenerator<Buffer> {
  yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A `content` message: media files into the store's own library, then the layouts (under head
 * office's ids, so the next publication replaces them), the zone's schedule, and the classic
 * playlist when it has items. Every file is fetched and checked (size against the library's
 * limit, sha256 and length against the message) before anything is written: a corrupt, missing
 * or oversized object refuses the whole message with its code and leaves the store as it was.
 */
export async function applyContent(t: ContentTargets, p: ChainContent, readMedia: ReadMedia): Promise<string> {
  const wantsSignage = (p.layouts?.length ?? 0) > 0 || p.schedule !== undefined;
  if (wantsSignage && !t.signage) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'This store cannot apply layouts or schedules (no signage wired).');
  if ((p.media?.length ?? 0) > 0 && !t.media) throw new VitrinaError('VITRINA_ERR_VALIDATION', 'This store cannot take media (no media library wired).');
  // The zone first: an unknown zone refuses the message before a file is written.
  if (p.schedule && t.signage) await t.signage.schedule(p.zoneId);

  const files: { entry: NonNullable<ChainContent['media']>[number]; bytes: Uint8Array }[] = [];
  for (const entry of p.media ?? []) {
    const limit = t.media!.maxUploadBytes;
    const tooLarge = (n: number) => new VitrinaError('VITRINA_ERR_MEDIA_TOO_LARGE', `Media ${entry.name} is ${n} bytes; this store takes at most ${limit}.`);
    if (entry.bytes > limit) throw tooLarge(entry.bytes);
    const bytes = await readMedia(entry.name);
    if (!bytes) throw new VitrinaError('VITRINA_ERR_CHAIN_MEDIA_CORRUPT', `Media ${entry.name} is not in the object store.`);
    if (bytes.byteLength > limit) throw tooLarge(bytes.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256 || bytes.byteLength !== entry.bytes) {
      throw new VitrinaError('VITRINA_ERR_CHAIN_MEDIA_CORRUPT', `Media ${entry.name}: got ${bytes.byteLength} bytes with sha256 ${sha256}, the message says ${entry.bytes} bytes with ${entry.sha256}.`);
    }
    files.push({ entry, bytes });
  }

  // Head office's sha256 → the store library's item (a cleaned SVG may be stored under another hash).
  const library = new Map<string, { id: string; url: string }>();
  for (const { entry, bytes } of files) {
    const { item } = await t.media!.upload(once(bytes), entry.filename ?? entry.name, entry.mime);
    library.set(entry.sha256, item);
  }
  const local = (s: Slide): Slide => {
    if (s.kind !== 'image' && s.kind !== 'video') return s;
    const item = library.get(s.media.sha256 ?? '') ?? (s.media.mediaId ? library.get(s.media.mediaId) : undefined);
    return item ? { ...s, media: { mediaId: item.id, url: item.url, sha256: item.id } } : s;
  };

  const done: string[] = [];
  if (files.length > 0) done.push(`media: ${files.length}`);
  for (const { id, ...input } of p.layouts ?? []) {
    const layout: LayoutInput = { ...input, regions: input.regions.map((r) => ({ ...r, slides: r.slides.map(local) })) };
    if (await exists(t.signage!.layout(id))) await t.signage!.updateLayout(id, layout);
    else await t.signage!.createLayout(layout, id);
  }
  if (p.layouts?.length) done.push(`layouts: ${p.layouts.length}`);
  if (p.schedule) {
    await t.signage!.publishSchedule(p.zoneId, p.schedule);
    done.push(`schedule: ${p.zoneId}`);
  }
  if (p.items.length > 0) {
    await t.content.publish(p.zoneId, p.items);
    done.push(`playlist: ${p.items.length} items`);
  }
  return done.join(', ') || 'nothing to apply';
}
