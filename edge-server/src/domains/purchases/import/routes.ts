import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type ImportJob, type ImportProgress, type ImportReport } from '@vitrina/contracts';
import { VitrinaError } from '../../../platform/errors/vitrina-error.js';
import { serve } from '../../../platform/http/serve-route.js';
import type { Guards } from '../../auth/index.js';
import type { JobsService } from '../../jobs/index.js';
import type { PurchasesService } from '../service.js';

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/**
 * Lines per transaction in a background import: a batch holds the writer for a few ms, and the
 * tills' and scans' writes queued meanwhile go first after it (the bulk lane in platform/db).
 */
const JOB_BATCH_LINES = 2_000;

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
      mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
      const file = join(spoolDir, `receipts-${randomUUID()}.csv`);
      try {
        await pipeline(req.body, createWriteStream(file, { mode: 0o600 }));
      } catch (err) {
        rmSync(file, { force: true });
        throw err;
      }
      const initial: ImportProgress = { linesRead: 0, receiptsImported: 0, rowsRejected: 0, seconds: 0 };
      const job = await jobs.start<ImportProgress, ImportReport>('receipts-import', initial, ({ signal, progress }) =>
        purchases.importCsv(createReadStream(file), { storeId, timeZone, maxListed: req.query.maxListed, batchLines: JOB_BATCH_LINES, progressEvery: JOB_BATCH_LINES, signal, onProgress: progress }),
      () => rmSync(file, { force: true }));
      return reply.status(202).send(job as ImportJob);
    });
    serve(app, ROUTES.imports.job, { preHandler: guard.requireRole('admin') }, async (req) => (await jobs.get(req.params.jobId)) as ImportJob);
    serve(app, ROUTES.imports.cancelJob, { preHandler: guard.requireRole('admin') }, async (req) => (await jobs.cancel(req.params.jobId)) as ImportJob);
  };
}
