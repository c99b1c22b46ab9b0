import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, ImportReport } from '@vitrina/contracts';
import { Type } from 'typebox';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import type { Guards } from '../../auth/index.js';
import type { PurchasesService } from '../service.js';

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** POST /api/v1/imports/receipts with a text/csv body: the same import as `npm run import`. */
export function importRoutes({ purchases, guard, storeId, timeZone }: { purchases: PurchasesService; guard: Guards; storeId: string; timeZone: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The CSV arrives as a stream and is parsed as it comes, never held whole in memory.
    app.addContentTypeParser('text/csv', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) => done(null, payload));
    app.post('/imports/receipts', {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['receipts'],
        description: 'Imports historical sale lines (text/csv: receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor).',
        consumes: ['text/csv'],
        response: { 200: ImportReport, 400: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        querystring: Type.Object({ maxListed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) }),
      },
      preHandler: guard.requireRole('admin'),
    }, async (req) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      return purchases.importCsv(req.body, { storeId, timeZone, maxListed: req.query.maxListed });
    });
  };
}
