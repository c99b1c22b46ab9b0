/** Ranks products for one shopper: features from @vitrina/models, the ONNX model or the fallback. */
export { createRecommender, resolveModelDir, type Recommender, type RecommenderHealth, type RecommenderOptions } from './recommender.js';
export { RecommendService, type AggregatesHealth, type RankOptions, type Ranked } from './service.js';
export type { ModelHealth } from './model-adapter.js';
