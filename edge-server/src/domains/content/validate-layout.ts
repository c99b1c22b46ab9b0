import { LAYOUT_TEMPLATES, type LayoutInput, type Slide } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';

/**
 * What the schema cannot say about a layout: every region of its template filled exactly once,
 * each slide of a kind its region accepts, slide ids unique, media served by this edge server
 * (a screen must be able to precache it and play it offline) and, once the media library says
 * so, known to it. Throws VITRINA_ERR_LAYOUT_INVALID naming the first problem; nothing is written.
 */
export function checkLayout(input: LayoutInput, knownMedia: ReadonlySet<string> | null): void {
  const template = LAYOUT_TEMPLATES[input.template];
  const problems: Array<{ path: string; message: string }> = [];
  const given = new Map<string, number>();
  input.regions.forEach((r, i) => {
    const region = template.regions.find((t) => t.id === r.regionId);
    if (!region) problems.push({ path: `/regions/${i}/regionId`, message: `The ${input.template} layout has no region "${r.regionId}" (it has ${template.regions.map((t) => t.id).join(', ')}).` });
    if (given.has(r.regionId)) problems.push({ path: `/regions/${i}/regionId`, message: `Region "${r.regionId}" is given twice.` });
    given.set(r.regionId, i);
    r.slides.forEach((s, j) => {
      if (region && !region.accepts.includes(s.kind)) problems.push({ path: `/regions/${i}/slides/${j}/kind`, message: `A ${s.kind} slide cannot go in the "${r.regionId}" region.` });
      const media = mediaOf(s);
      if (media && (!media.url.startsWith('/') || media.url.startsWith('//'))) {
        problems.push({ path: `/regions/${i}/slides/${j}/media/url`, message: 'Media must be served by this edge server (a path starting with /), so screens can precache it.' });
      }
      if (media?.mediaId && knownMedia && !knownMedia.has(media.mediaId)) problems.push({ path: `/regions/${i}/slides/${j}/media/mediaId`, message: `No media "${media.mediaId}" in the library.` });
    });
  });
  for (const t of template.regions) if (!given.has(t.id)) problems.push({ path: '/regions', message: `The "${t.id}" region needs a playlist (it may be empty).` });
  const ids = input.regions.flatMap((r) => r.slides.map((s) => s.id));
  if (new Set(ids).size !== ids.length) problems.push({ path: '/regions', message: 'Slide ids must be unique within a layout.' });
  if (problems.length > 0) throw new VitrinaError('VITRINA_ERR_LAYOUT_INVALID', problems[0]!.message, problems);
}

export function mediaOf(slide: Slide) {
  return slide.kind === 'image' || slide.kind === 'video' ? slide.media : null;
}

/** Every media library id a layout's slides use. */
export function mediaIdsOf(regions: LayoutInput['regions']): string[] {
  return [...new Set(regions.flatMap((r) => r.slides.flatMap((s) => mediaOf(s)?.mediaId ?? [])))];
}
