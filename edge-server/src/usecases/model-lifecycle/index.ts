/** The store's model lifecycle: train on its own receipts, decide what serves, record why. */
import type { Database } from '../../platform/db/database.js';
import type { Recommender } from '../../domains/recommend/index.js';
import { DecisionsRepository } from './repository.js';
import { runChainGateProcess, runTrainingProcess } from './run-training.js';
import { ModelLifecycle, type ModelLifecycleOptions } from './service.js';

export { ModelLifecycle, type ModelLifecycleOptions } from './service.js';
export { recommendationRoutes } from './routes.js';
export { nextRunAt } from './schedule.js';
export type { ChainModelArtifact } from './chain-gate.js';
export type { TrainJob, TrainingRun } from './run-training.js';

export function createModelLifecycle(db: Database, recommend: Pick<Recommender, 'useRanker' | 'health'>, opts: Omit<ModelLifecycleOptions, 'run' | 'runGate'> & Partial<Pick<ModelLifecycleOptions, 'run' | 'runGate'>>): ModelLifecycle {
  return new ModelLifecycle(new DecisionsRepository(db), recommend, { run: runTrainingProcess, runGate: runChainGateProcess, ...opts });
}
