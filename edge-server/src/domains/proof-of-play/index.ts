/** Proof of play: what the screens actually showed (reported by them), takeovers sent vs shown, the report. */
import type { Database } from '../../platform/db/database.js';
import { ProofOfPlayRepository } from './repository.js';
import { ProofOfPlayService, type ProofOfPlayDeps } from './service.js';

export { ProofOfPlayService, type ProofOfPlayDeps } from './service.js';
export { proofOfPlayRoutes } from './routes.js';
export { proofOfPlaySocketHandlers } from './socket.js';

export function createProofOfPlay(db: Database, deps: ProofOfPlayDeps): ProofOfPlayService {
  return new ProofOfPlayService(new ProofOfPlayRepository(db), deps);
}
