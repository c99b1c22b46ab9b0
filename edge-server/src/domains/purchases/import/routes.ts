import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { serve } from '../../../platform/http/serve-route.js';
import type { Guards } from '../../auth/index.js';
import type { PurchasesService } from '../service.js';

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The receipts CSV import (a text/csv body): the same import as `npm run import`. */
export function importRoutes({ purchases, guard, storeId, timeZone }: { purchases: PurchasesService; guard: Guards; storeId: string; timeZone: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The CSV arrives as a stream and is parsed as it comes, never held whole in memory.
    app.addContentTypeParser('text/csv', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) => done(null, payload));
    serve(app, ROUTES.imports.receipts, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      return purchases.importCsv(req.body, { storeId, timeZone, maxListed: req.query.maxListed });
    });
  };
}
