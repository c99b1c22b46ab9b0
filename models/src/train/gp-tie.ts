import { baselineWeights } from './baseline-rankers.js';
import type { RankerWeights } from './mlp.js';

/**
 * A one-layer "model" that scores by gp_tie_score alone, i.e. GP-TopFreq with popularity
 * ties (the edge server's tests export it as a known-good artifact). The other exportable
 * baselines are in baseline-rankers.ts.
 */
export function gpTieWeights(): RankerWeights {
  return baselineWeights('gp-tie');
}
