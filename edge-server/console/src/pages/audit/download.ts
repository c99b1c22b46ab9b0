import { ROUTES, type AuditExportQuery } from '@vitrina/contracts';
import { downloadFile } from '../../lib/download-file';
import { routeUrl } from '../../lib/route-url';

/** The audit log as CSV, filtered as the page is. */
export function downloadAuditCsv(query: AuditExportQuery): Promise<void> {
  return downloadFile(routeUrl(ROUTES.audit.exportCsv, { query }), 'vitrina-audit.csv');
}
