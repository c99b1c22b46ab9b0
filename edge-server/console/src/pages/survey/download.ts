import { ROUTES } from '@vitrina/contracts';
import { downloadFile } from '../../lib/download-file';
import { routeUrl } from '../../lib/route-url';

/** Every survey answer as CSV (no shopper identities). */
export function downloadSurveyCsv(): Promise<void> {
  return downloadFile(routeUrl(ROUTES.surveys.exportCsv), 'vitrina-survey.csv');
}
