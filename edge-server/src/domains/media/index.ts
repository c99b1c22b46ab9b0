/** The media library: uploads checked by content, stored content-addressed, with tags, play windows and usage. */
import type { Database } from '../../platform/db/database.js';
import { MediaRepository } from './repository.js';
import { MediaService, type MediaDeps } from './service.js';

export { MediaService, type MediaDeps } from './service.js';
export { mediaFileRoutes, mediaRoutes } from './routes.js';
export { usageFromPlaylists } from './usage.js';
export { videoProbeReady } from './video-probe.js';
export { preloadSvgSanitizer } from './svg-sanitize.js';

export async function createMedia(db: Database, deps: MediaDeps): Promise<MediaService> {
  const media = new MediaService(new MediaRepository(db), deps);
  await media.removeStaleUploads();
  return media;
}
