/**
 * Measurement: the event log (scans, offers shown and clipped), campaign lift against holdouts,
 * program KPIs and RFM, marketer reports with their CSV exports, and live segments. Its KPI and
 * report repositories are read models: they read other domains' tables read-only to report on
 * them, and never write them.
 */
import type { Database } from '../../platform/db/database.js';
import { KpisRepository } from './kpis-repository.js';
import { KpisService } from './kpis-service.js';
import { LiveSegmentsRepository } from './live-segments-repository.js';
import { LiveSegmentsService, type LiveSegmentsDeps } from './live-segments-service.js';
import { EventsRepository } from './repository.js';
import { ReportsRepository } from './reports-repository.js';
import { ReportsService, type ReportsProgram } from './reports-service.js';

export { KpisService } from './kpis-service.js';
export { ReportsService, MAX_REPORT_DAYS, type ReportsProgram } from './reports-service.js';
export { LiveSegmentsService, type LiveSegmentsDeps } from './live-segments-service.js';
export type { EventInput } from './repository.js';
export { kpisRoutes } from './routes.js';
export { reportsRoutes } from './reports-routes.js';
export type EventLog = EventsRepository;

export function createEventLog(db: Database, storeId: string): EventLog {
  return new EventsRepository(db, storeId);
}

export function createKpis(db: Database, program: ConstructorParameters<typeof KpisService>[1]): KpisService {
  return new KpisService(new KpisRepository(db), program);
}

export function createReports(db: Database, deps: { timeZone: string; program: ReportsProgram }): ReportsService {
  return new ReportsService(new ReportsRepository(db), deps.program, deps.timeZone);
}

export function createLiveSegments(db: Database, deps: LiveSegmentsDeps): LiveSegmentsService {
  return new LiveSegmentsService(new LiveSegmentsRepository(db), deps);
}
