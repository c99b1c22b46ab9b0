/**
 * What the screens play: the classic playlist per zone (a default one until staff publish their
 * own), layouts with regions, per-zone schedules, the emergency override, and the snapshot each
 * zone's screens evaluate on their own clock.
 */
import type { Database } from '../../platform/db/database.js';
import { BoardSource, type BoardDeps } from './boards.js';
import { ContentRepository } from './repository.js';
import { ContentService } from './service.js';
import { SignageService, type SignageDeps } from './signage-service.js';

export { ContentService } from './service.js';
export { SignageService, SNAPSHOT_HORIZON_MS, type MediaLookup, type MediaFacts } from './signage-service.js';
export { playlistLayout } from './signage-layouts.js';
export { BOARD_OFFERS_MAX } from './boards.js';
export { mediaLookupFrom } from './media-lookup.js';
export { defaultPlaylistItems, type ProgramFacts } from './default-playlist.js';
export { contentRoutes } from './routes.js';
export { signageRoutes } from './signage-routes.js';
export { contentSocketHandlers } from './socket.js';
/** Head office checks the layouts and schedules it publishes with the store's own rules (roles/headoffice). */
export { checkLayout, mediaIdsOf } from './validate-layout.js';
export { checkSchedule } from './validate-schedule.js';

/** How often the boards are recomputed for price changes the catalogue does not announce (offers changes push at once). */
export const BOARD_REFRESH_MS = 30_000;

export function createContent(
  db: Database,
  deps: ConstructorParameters<typeof ContentService>[1] & Omit<BoardDeps, 'db'> & Pick<SignageDeps, 'timeZone' | 'now'>,
): { content: ContentService; signage: SignageService } {
  const repo = new ContentRepository(db);
  const content = new ContentService(repo, deps);
  const boards = new BoardSource({ db, offers: deps.offers, promotions: deps.promotions, catalog: deps.catalog, format: deps.format, store: deps.store });
  const signage = new SignageService({
    repo, playlist: (zoneId) => content.playlist(zoneId), devices: deps.devices, events: deps.events, boards, timeZone: deps.timeZone, now: deps.now,
  });
  return { content, signage };
}
