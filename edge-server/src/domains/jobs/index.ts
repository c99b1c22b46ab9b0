/** Background jobs: work that outlasts a request (console imports), with progress, cancel and a report. */
import type { Database } from '../../platform/db/database.js';
import { JobsRepository } from './repository.js';
import { JobsService } from './service.js';

export { JobsService, type JobContext, type JobStartOptions, type JobView } from './service.js';
export { jobRoutes } from './routes.js';

export async function createJobs(db: Database, log: { error(obj: unknown, msg: string): void }): Promise<JobsService> {
  const jobs = new JobsService(new JobsRepository(db), log);
  await jobs.recover();
  return jobs;
}
