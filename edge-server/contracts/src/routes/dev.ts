import { Type } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { SimulatedScannerAccepted, SimulatedScannerReports } from '../scanner.js';
import { defineRoute } from './define-route.js';

/** Served only with SCANNER_SIMULATOR=true (dev, tests, bench); absent on a real store server. */
export const devRoutes = {
  scannerReports: defineRoute({
    method: 'POST', path: '/api/v1/dev/scanners/:kioskId/reports', tags: ['dev'],
    params: Type.Object({ kioskId: Type.String({ maxLength: 64 }) }), body: SimulatedScannerReports,
    response: { 202: SimulatedScannerAccepted, 404: ErrorResponse },
  }),
};
