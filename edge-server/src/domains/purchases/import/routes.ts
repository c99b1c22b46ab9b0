import { createReadStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type ImportJob, type ImportProgress, type ImportReport } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { serve } from '../../../platform/http/serve-route.js';
import { spoolUpload } from '../../../platform/http/spool-upload.js';
import type { Guards } from '../../auth/index.js';
import type { JobsService } from '../../jobs/index.js';
import type { PurchasesService } from '../service.js';

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/**
 * A background import's chunk holds the writer about this long (its line count adapts, up to
 * JOB_MAX_CHUNK_LINES): the tills' and scans' writes queued meanwhile go first after it (the bulk
 * lane in platform/db), so none waits behind more than a few ms of import.
 */
const JOB_CHUNK_MS = 4;
const JOB_MAX_CHUNK_LINES = 5_000;
/**
 * A job reads its file in small chunks: csv-parse handles a chunk's rows in one go without
 * yielding, so a 64 KB chunk would hold the event loop (and the scans waiting on it) longer.
 */
const SPOOL_READ_BYTES = 16 * 1024;

interface ImportRouteDeps {
  purchases: PurchasesService;
  jobs: JobsService;
  guard: Guards;
  storeId: string;
  timeZone: string;
  /** Where an upload is stored while its job reads it (inside DATA_DIR: the file names shoppers' ids). */
  spoolDir: string;
}

/** The receipts CSV import (a text/csv body): the same import as `npm run import`, at once or as a background job. */
export function importRoutes({ purchases, jobs, guard, storeId, timeZone, spoolDir }: ImportRouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The CSV arrives as a stream and is parsed as it comes, never held whole in memory.
    app.addContentTypeParser('text/csv', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) => done(null, payload));
    serve(app, ROUTES.imports.receipts, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      return purchases.importCsv(req.body, { storeId, timeZone, maxListed: req.query.maxListed });
    });
    // The upload is stored first (the request ends as soon as the file is on disk), then imported
    // by a job the console polls.
    serve(app, ROUTES.imports.receiptsJob, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      const file = await spoolUpload(req.body, { dir: spoolDir, prefix: 'receipts', maxBytes: MAX_UPLOAD_BYTES });
      const initial: ImportProgress = { linesRead: 0, receiptsImported: 0, rowsRejected: 0, seconds: 0 };
      const job = await jobs.start<ImportProgress, ImportReport>('receipts-import', initial, ({ signal, progress }) =>
        purchases.importCsv(createReadStream(file, { highWaterMark: SPOOL_READ_BYTES }), {
          storeId, timeZone, maxListed: req.query.maxListed, chunkMs: JOB_CHUNK_MS, batchLines: JOB_MAX_CHUNK_LINES, signal, onProgress: progress,
        }),
      { label: req.query.name, cleanup: () => rmSync(file, { force: true }) });
      return reply.status(202).send(job as ImportJob);
    });
  };
}
