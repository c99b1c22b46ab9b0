/** The one-question survey at the end of a kiosk session: answers, NPS report, CSV, settings. */
import type { Database } from '../../platform/db/database.js';
import { SurveysRepository } from './repository.js';
import { SurveysService } from './service.js';

export { SurveysService, type SurveySource } from './service.js';
export { npsOf, type NpsSummary } from './nps.js';
export { surveyRoutes } from './routes.js';
export { surveySocketHandlers, type LiveSessions } from './socket.js';

export function createSurveys(db: Database, deps: ConstructorParameters<typeof SurveysService>[2]): SurveysService {
  return new SurveysService(db, new SurveysRepository(db), deps);
}
