/** What the screens play: a playlist per zone (a default one until staff publish their own). */
import type { Database } from '../../platform/db/database.js';
import { ContentRepository } from './repository.js';
import { ContentService } from './service.js';

export { ContentService } from './service.js';
export { defaultPlaylistItems, type ProgramFacts } from './default-playlist.js';
export { contentRoutes } from './routes.js';
export { contentSocketHandlers } from './socket.js';

export function createContent(db: Database, deps: ConstructorParameters<typeof ContentService>[1]): ContentService {
  return new ContentService(new ContentRepository(db), deps);
}
