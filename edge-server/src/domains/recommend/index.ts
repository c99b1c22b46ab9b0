/** Ranks products for one shopper: features from @vitrina/models, the ONNX model or the fallback. */
export { createRecommender, resolveModelDir, type Recommender, type RecommenderHealth, type RecommenderOptions } from './recommender.js';
export { RecommendService, type AggregatesHealth, type RankOptions, type Ranked } from './service.js';
export type { ModelHealth } from './model-adapter.js';
/** For bench/refresh-handover.ts: the parts of a refresh's handover, and onnxruntime's warm-up. */
export { INDEX_SLICE, packItemIds, unpackItemIds } from './item-index.js';
export { warmUpOnnxRuntime } from './onnx-warm-up.js';
