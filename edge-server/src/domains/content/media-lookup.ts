import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import type { MediaService } from '../media/index.js';
import type { MediaFacts, MediaLookup } from './signage-service.js';

/** The media library as layouts and snapshots ask it: which ids exist, with URL, hash and play window. */
export function mediaLookupFrom(media: Pick<MediaService, 'get'>): MediaLookup {
  return async (ids) => {
    const out = new Map<string, MediaFacts>();
    for (const id of new Set(ids)) {
      try {
        const m = await media.get(id);
        out.set(id, { url: m.url, sha256: m.id, validFrom: m.validFrom, validTo: m.validTo });
      } catch (err) {
        if (!(err instanceof VitrinaError && err.code === 'VITRINA_ERR_MEDIA_UNKNOWN')) throw err;
      }
    }
    return out;
  };
}
