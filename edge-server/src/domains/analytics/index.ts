/**
 * Measurement: the event log (scans, offers shown and clipped), campaign lift against holdouts,
 * program KPIs and RFM. Its KPI repository is a read model: it reads other domains' tables
 * read-only to report on them, and never writes them.
 */
import type { Database } from '../../platform/db/database.js';
import { KpisRepository } from './kpis-repository.js';
import { KpisService } from './kpis-service.js';
import { EventsRepository } from './repository.js';

export { KpisService } from './kpis-service.js';
export type { EventInput } from './repository.js';
export { kpisRoutes } from './routes.js';
export type EventLog = EventsRepository;

export function createEventLog(db: Database, storeId: string): EventLog {
  return new EventsRepository(db, storeId);
}

export function createKpis(db: Database, program: ConstructorParameters<typeof KpisService>[1]): KpisService {
  return new KpisService(new KpisRepository(db), program);
}
