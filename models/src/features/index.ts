/** The serving API of the features: imported by training, evaluation and the edge server. */
export { FEATURE_CONTRACT, FEATURE_COUNT, type FeatureName } from './contract.js';
export { StoreAggregates, type AggregateBasket, type AggregateOptions, type AggregateStats } from './aggregates.js';
export { buildCandidateFeatures, type HistoryBasket, type CandidateOptions, type CandidateFeatures } from './candidate-features.js';
export { fallbackScores, popularItems } from './fallback.js';
export { toTransferable, fromTransferable, type TransferableAggregates } from './aggregates-transfer.js';
export { StreamingAggregatesBuilder } from './aggregates-stream.js';
export { REPEAT_FIRST_MODES, ownBasketCounts, repeatFirstOrder, repeatFirstScores, type RepeatFirstOptions } from './repeat-first.js';
