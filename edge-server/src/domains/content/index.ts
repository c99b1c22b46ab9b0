/** What the screens play: a playlist per zone (a default one until staff publish their own). */
import type { Database } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { DevicesService } from '../devices/index.js';
import { ContentRepository } from './repository.js';
import { ContentService } from './service.js';

export { ContentService } from './service.js';
export { contentRoutes } from './routes.js';
export { contentSocketHandlers } from './socket.js';

export function createContent(db: Database, deps: { devices: DevicesService; events: EventBus<DomainEvents> }): ContentService {
  return new ContentService(new ContentRepository(db), deps);
}
