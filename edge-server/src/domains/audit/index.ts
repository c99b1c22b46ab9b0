/** The audit log of staff writes through the API. */
import type { Database } from '../../platform/db/database.js';
import { AuditRepository } from './repository.js';
import { AuditService } from './service.js';

export { AuditService } from './service.js';
export { auditRoutes } from './routes.js';

/** `timeZone`: the store's (IANA), for the day filters. */
export function createAudit(db: Database, { timeZone }: { timeZone: string }): AuditService {
  return new AuditService(new AuditRepository(db), timeZone);
}
