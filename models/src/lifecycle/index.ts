/** The store's model lifecycle: train on its own receipts, compare with every baseline and the served model, decide. */
export { trainAndDecide, type LifecycleOptions, type Incumbent } from './train-and-decide.js';
export { gateExternalModel, type ExternalModel, type GateOptions } from './gate-external.js';
export { BASELINES, DEFAULT_BASELINE, isBaselineName, describeChoice, type BaselineName, type RankerChoice, type DecisionRecord, type DecisionOutcome, type MethodResult } from './ranker-choice.js';
export { meanInterval, pairedComparison, type Interval, type PairedComparison } from './paired.js';
export { syntheticStoreBaskets, type SyntheticStoreOptions } from './synthetic-store.js';
