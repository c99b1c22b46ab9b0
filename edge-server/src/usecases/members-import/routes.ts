import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { serve } from '../../platform/http/serve-route.js';
import type { MembersImport } from './import-members.js';

/** A members file of a few million rows fits; bigger ones go through `npm run import -- members`. */
const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** The members CSV import (a text/csv body, streamed): the same import as `npm run import -- members`. */
export function membersImportRoutes({ membersImport, guard }: { membersImport: MembersImport; guard: Guards }): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The body is handed over as a stream and parsed as it arrives, never held whole in memory
    // (the server's default JSON body limit is 1 MB).
    app.addContentTypeParser('text/csv', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) => done(null, payload));
    serve(app, ROUTES.customers.import, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      return membersImport.importCsv(req.body, { maxListed: req.query.maxListed });
    });
  };
}
