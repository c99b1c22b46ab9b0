/** The audit log of staff writes through the API. */
import type { Database } from '../../platform/db/database.js';
import { AuditRepository } from './repository.js';
import { AuditService } from './service.js';

export { AuditService } from './service.js';
export { auditRoutes } from './routes.js';

export function createAudit(db: Database): AuditService {
  return new AuditService(new AuditRepository(db));
}
