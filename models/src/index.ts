/**
 * Artifact tooling for other packages (the edge server's tests write real artifacts with
 * it). Training itself is reached through the CLIs; serving through './features'.
 */
export { exportOnnx } from './train/onnx-export.js';
export { writeArtifact, manifestFeatureContract, type ModelManifest } from './train/artifact.js';
export { gpTieWeights } from './train/gp-tie.js';
export type { RankerWeights } from './train/mlp.js';
export * from './lifecycle/index.js';
export { loadSqliteHistory } from './data/sqlite-history.js';
export type { Basket } from './data/types.js';
