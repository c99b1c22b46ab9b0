export { createChainSync, type ChainSync, type ChainSyncOptions, type ChainSyncStatus } from './chain-sync.js';
export type { ChainModelFiles, DownTargets } from './inbox.js';
