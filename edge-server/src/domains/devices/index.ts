/** Kiosks and screens: zones, pairing tokens, revocation and presence. */
import type { Database } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import { DevicesRepository } from './repository.js';
import { DevicesService } from './service.js';

export { DevicesService } from './service.js';
export type { DeviceRow } from './repository.js';
export { devicesRoutes } from './routes.js';

export function createDevices(db: Database, events: EventBus<DomainEvents>): DevicesService {
  return new DevicesService(new DevicesRepository(db), events);
}
