import { createReadStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type CatalogImportJob, type CatalogImportProgress, type CatalogImportReport } from '@vitrina/contracts';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { serve } from '../../platform/http/serve-route.js';
import { spoolUpload } from '../../platform/http/spool-upload.js';
import type { Guards } from '../auth/index.js';
import { limitBytes } from './import/byte-limit.js';
import type { CatalogService } from './service.js';

/**
 * What the upload needs to run as a background job: `domains/jobs`' JobsService, passed in by
 * app.ts (the catalogue imports no domain, so it names only the method it calls).
 */
export interface BackgroundJobs {
  start<P, R extends { cancelled?: boolean }>(kind: string, initial: P, work: (ctx: { signal: AbortSignal; progress(p: P): void }) => Promise<R>,
    opts?: { label?: string | null; cleanup?: () => void }): Promise<unknown>;
}

/** Rows per staging transaction in a background import: a short hold of the writer, so the till and the scans go first between two. */
const JOB_BATCH_ROWS = 1_000;
/** A job reads its file in small chunks (parsing a chunk does not yield to the scans). */
const SPOOL_READ_BYTES = 16 * 1024;

/**
 * Products (browse: every staff role; edit: admin and marketer) and the catalogue upload
 * (admin). The upload's body is handed over as a stream and parsed as it arrives, never held
 * whole; it has its own size limit (`maxUploadBytes`), well above the JSON routes' one.
 */
export function catalogRoutes({ catalog, guard, maxUploadBytes, jobs, spoolDir }: {
  catalog: CatalogService; guard: Guards; maxUploadBytes: number;
  /** Background jobs and where their uploads wait (inside DATA_DIR). */
  jobs: BackgroundJobs; spoolDir: string;
}): FastifyPluginAsyncTypebox {
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
    const tooLarge = (reply: { header(name: string, value: string): unknown }) => {
      // The rest of the body is not read: the connection closes after the answer.
      reply.header('connection', 'close');
      return new VitrinaError('VITRINA_ERR_PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxUploadBytes / 1024 / 1024)} MB an upload may be; import it with "npm run import -- catalog <file>" on the server.`);
    };
    const isCsv = (format: 'xml' | 'csv' | undefined, contentType: string | undefined) => format === 'csv' || (format === undefined && (contentType ?? '').startsWith('text/csv'));
    serve(app, ROUTES.catalog.import, { bodyLimit: maxUploadBytes, preHandler: guard.requireRole('admin') }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the file as the body (application/xml or text/csv).');
      if (Number(req.headers['content-length'] ?? 0) > maxUploadBytes) throw tooLarge(reply);
      const body = limitBytes(req.body, maxUploadBytes);
      const opts = { maxListed: req.query.maxListed };
      try {
        return await (isCsv(req.query.format, req.headers['content-type']) ? catalog.importProductsCsv(body, opts) : catalog.importCommerceMl(body, opts));
      } catch (err) {
        if (err instanceof VitrinaError && err.code === 'VITRINA_ERR_PAYLOAD_TOO_LARGE') throw tooLarge(reply);
        throw err;
      }
    });
    // The same import as a background job: the file is stored (the request ends once it is on
    // disk), then read and applied by a job the console polls and may cancel (all or nothing).
    serve(app, ROUTES.imports.catalogJob, { bodyLimit: maxUploadBytes, preHandler: guard.requireRole('admin') }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the file as the body (application/xml or text/csv).');
      if (Number(req.headers['content-length'] ?? 0) > maxUploadBytes) throw tooLarge(reply);
      let file: string;
      try {
        file = await spoolUpload(req.body, { dir: spoolDir, prefix: 'catalog', maxBytes: maxUploadBytes });
      } catch (err) {
        if (err instanceof VitrinaError && err.code === 'VITRINA_ERR_PAYLOAD_TOO_LARGE') throw tooLarge(reply);
        throw err;
      }
      const csv = isCsv(req.query.format, req.headers['content-type']);
      const initial: CatalogImportProgress = { phase: 'reading', products: 0, offers: 0, seconds: 0 };
      const job = await jobs.start<CatalogImportProgress, CatalogImportReport>('catalog-import', initial, ({ signal, progress }) => {
        const opts = { maxListed: req.query.maxListed, batchSize: JOB_BATCH_ROWS, signal, onProgress: progress };
        const input = createReadStream(file, { highWaterMark: SPOOL_READ_BYTES });
        return csv ? catalog.importProductsCsv(input, opts) : catalog.importCommerceMl(input, opts);
      }, { label: req.query.name, cleanup: () => rmSync(file, { force: true }) });
      return reply.status(202).send(job as CatalogImportJob);
    });
  };
}
