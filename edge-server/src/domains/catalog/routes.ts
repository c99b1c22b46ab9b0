import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { serve } from '../../platform/http/serve-route.js';
import type { Guards } from '../auth/index.js';
import { limitBytes } from './import/byte-limit.js';
import type { CatalogService } from './service.js';

/**
 * Products (browse: every staff role; edit: admin and marketer) and the catalogue upload
 * (admin). The upload's body is handed over as a stream and parsed as it arrives, never held
 * whole; it has its own size limit (`maxUploadBytes`), well above the JSON routes' one.
 */
export function catalogRoutes({ catalog, guard, maxUploadBytes }: { catalog: CatalogService; guard: Guards; maxUploadBytes: number }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staff = { preHandler: guard.requireRole('admin', 'marketer', 'staff') };
    const editors = { preHandler: guard.requireRole('admin', 'marketer') };
    serve(app, ROUTES.catalog.list, staff, (req) => catalog.list(req.query));
    serve(app, ROUTES.catalog.get, staff, (req) => catalog.get(req.params.id));
    serve(app, ROUTES.catalog.create, editors, async (req, reply) => reply.status(201).send(await catalog.create(req.body)));
    serve(app, ROUTES.catalog.update, editors, (req) => catalog.update(req.params.id, req.body));
    serve(app, ROUTES.catalog.deactivate, editors, (req) => catalog.deactivate(req.params.id));

    // Scoped to this plugin: only the upload route sees these parsers (a 2 GB body is refused as it streams).
    for (const type of ['application/xml', 'text/xml', 'text/csv', 'application/octet-stream']) {
      app.addContentTypeParser(type, { bodyLimit: maxUploadBytes }, (_req, payload, done) => done(null, payload));
    }
    serve(app, ROUTES.catalog.import, { bodyLimit: maxUploadBytes, preHandler: guard.requireRole('admin') }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the file as the body (application/xml or text/csv).');
      const tooLarge = () => {
        // The rest of the body is not read: the connection closes after the answer.
        reply.header('connection', 'close');
        return new VitrinaError('VITRINA_ERR_PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxUploadBytes / 1024 / 1024)} MB an upload may be; import it with "npm run import -- catalog <file>" on the server.`);
      };
      if (Number(req.headers['content-length'] ?? 0) > maxUploadBytes) throw tooLarge();
      const body = limitBytes(req.body, maxUploadBytes);
      const csv = req.query.format === 'csv' || (req.query.format === undefined && (req.headers['content-type'] ?? '').startsWith('text/csv'));
      const opts = { maxListed: req.query.maxListed };
      try {
        return await (csv ? catalog.importProductsCsv(body, opts) : catalog.importCommerceMl(body, opts));
      } catch (err) {
        if (err instanceof VitrinaError && err.code === 'VITRINA_ERR_PAYLOAD_TOO_LARGE') throw tooLarge();
        throw err;
      }
    });
  };
}
