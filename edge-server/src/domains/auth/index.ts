/** Staff accounts, sign-in sessions and role guards. */
import type { Database } from '../../platform/db/database.js';
import { AuthRepository } from './repository.js';
import { AuthService } from './service.js';

export { AuthService, type StaffPrincipal } from './service.js';
export type { StaffRole } from './repository.js';
export { createGuards, bearerToken, type Guards } from './guard.js';
export { authRoutes } from './routes.js';

export function createAuth(db: Database): AuthService {
  return new AuthService(new AuthRepository(db));
}
