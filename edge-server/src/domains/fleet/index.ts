/** The fleet: kiosks' and screens' status reports, silence alerts, remote screenshots. */
import type { Database } from '../../platform/db/database.js';
import { FleetRepository } from './repository.js';
import { FleetService, type FleetDeps } from './service.js';

export { FleetService, type FleetDeps } from './service.js';
export { fleetRoutes } from './routes.js';
export { fleetSocketHandlers, screenshotAsker } from './socket.js';

export function createFleet(db: Database, deps: FleetDeps): FleetService {
  return new FleetService(new FleetRepository(db), deps);
}
