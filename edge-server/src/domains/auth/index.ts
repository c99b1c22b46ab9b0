/** Staff accounts, sign-in sessions and role guards. */
import type { Database } from '../../platform/db/database.js';
import { StaffAccountsService } from './accounts.js';
import { DEFAULT_SCRYPT, type ScryptParams } from './passwords.js';
import { AuthRepository } from './repository.js';
import { AuthService, DEFAULT_SESSIONS, type SessionPolicy } from './service.js';

export { AuthService, DEFAULT_SESSIONS, type SessionPolicy, type StaffPrincipal } from './service.js';
export { StaffAccountsService } from './accounts.js';
export { DEFAULT_SCRYPT, type ScryptParams } from './passwords.js';
export type { StaffRole } from './repository.js';
export { createGuards, bearerToken, type Guards } from './guard.js';
export { authRoutes } from './routes.js';
export { staffRoutes } from './staff-routes.js';

/** `auth` signs people in and checks sessions; `accounts` is what admins manage staff with. Both share the tables and the scrypt cost. */
export function createAuth(db: Database, opts: { scrypt?: ScryptParams; sessions?: SessionPolicy; now?: () => number } = {}) {
  const repo = new AuthRepository(db);
  const scrypt = opts.scrypt ?? DEFAULT_SCRYPT;
  return {
    auth: new AuthService(repo, scrypt, opts.now, opts.sessions ?? DEFAULT_SESSIONS),
    accounts: new StaffAccountsService(repo, scrypt),
  };
}
