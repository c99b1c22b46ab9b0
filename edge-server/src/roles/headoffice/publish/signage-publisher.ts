import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainContent, MediaRef, Publication, PublishSignageRequest } from '@vitrina/contracts';
import { checkLayout, checkSchedule, mediaIdsOf } from '../../../domains/content/index.js';
import type { MediaService } from '../../../domains/media/index.js';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { PublishService } from './service.js';

/**
 * Layouts and a zone schedule composed at head office, checked with the store's own rules
 * (content domain: regions of the template, slide kinds, media from the library; schedule
 * windows), their media files put into the hub's `vitrina_media` object store, then one `content`
 * message per target. A store puts the files into its own media library and the layouts and the
 * schedule into its signage (usecases/chain-sync inbox).
 */
export class SignagePublisher {
  constructor(private readonly publish: PublishService, private readonly media: MediaService) {}

  async publishSignage(req: PublishSignageRequest, by: string): Promise<Publication> {
    const library = new Map((await this.media.list()).map((m) => [m.id, m]));
    const ids = new Set(library.keys());
    req.layouts.forEach((l) => checkLayout(l, ids));
    checkSchedule(req.schedule);
    const layoutIds = new Set(req.layouts.map((l) => l.id));
    if (layoutIds.size !== req.layouts.length) throw new VitrinaError('VITRINA_ERR_LAYOUT_INVALID', 'Two layouts have the same id.');
    for (const id of [req.schedule.defaultLayoutId, ...req.schedule.entries.map((e) => e.layoutId)]) {
      if (id !== null && !layoutIds.has(id)) throw new VitrinaError('VITRINA_ERR_LAYOUT_UNKNOWN', `The schedule plays layout "${id}", which this publication does not carry.`);
    }

    const media: NonNullable<ChainContent['media']> = [];
    for (const id of new Set(req.layouts.flatMap((l) => mediaIdsOf(l.regions)))) {
      const item = library.get(id)!;
      const bytes = await readFile(join(this.media.libDir, item.url.split('/').pop()!));
      const stored = await this.publish.putMedia(bytes, item.mime);
      media.push({ ...stored, mime: item.mime, filename: item.name });
    }
    // Slides name the files by the library's id, URL and hash: the store swaps in its own (same content, its own library).
    const layouts = req.layouts.map((l) => ({ ...l, regions: l.regions.map((r) => ({ ...r, slides: r.slides.map((s) => (s.kind === 'image' || s.kind === 'video' ? { ...s, media: refOf(library.get(s.media.mediaId ?? '')!) } : s)) })) }));
    const payload: ChainContent = { zoneId: req.zoneId, items: [], media, layouts, schedule: req.schedule };
    const windows = req.schedule.entries.flatMap((e) => e.windows.map((w) => `${w.start}–${w.end}`));
    const when = [...(req.schedule.defaultLayoutId ? ['by default'] : []), ...(windows.length > 0 ? [`scheduled ${windows.join(', ')}`] : [])].join(', ') || 'not scheduled';
    const summary = `signage for zone ${req.zoneId}: ${layouts.map((l) => l.name).join(', ')} (${when}), ${media.length} media`;
    return this.publish.contentPayload(req.target, payload, summary.slice(0, 500), by);
  }
}

function refOf(item: { id: string; url: string }): MediaRef {
  return { mediaId: item.id, url: item.url, sha256: item.id };
}
