import { createReadStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROUTES, type MembersImportJob, type MembersImportProgress, type MembersImportReport } from '@vitrina/contracts';
import type { Guards } from '../../domains/auth/index.js';
import type { JobsService } from '../../domains/jobs/index.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { serve } from '../../platform/http/serve-route.js';
import { spoolUpload } from '../../platform/http/spool-upload.js';
import { MembersImport } from './import-members.js';

/** A members file of a few million rows fits; bigger ones go through `npm run import -- members`. */
const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;
/**
 * A background import's batch holds the writer about this long (each member writes about eight
 * rows: member, identifiers, consent records, opening balance; the batch's size adapts, up to
 * JOB_MAX_BATCH_MEMBERS), and the tills' and scans' writes queued meanwhile go first after it (the bulk lane).
 */
const JOB_CHUNK_MS = 4;
const JOB_MAX_BATCH_MEMBERS = 500;
/** A job reads its file in small chunks: csv-parse handles a chunk's rows without yielding to the scans. */
const SPOOL_READ_BYTES = 16 * 1024;

interface MembersImportRouteDeps {
  membersImport: MembersImport;
  jobs: JobsService;
  guard: Guards;
  /** Where an upload is stored while its job reads it (inside DATA_DIR: it holds card numbers and phones in clear). */
  spoolDir: string;
}

/** The members CSV import (a text/csv body, streamed): the same import as `npm run import -- members`, at once or as a background job. */
export function membersImportRoutes({ membersImport, jobs, guard, spoolDir }: MembersImportRouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The body is handed over as a stream and parsed as it arrives, never held whole in memory
    // (the server's default JSON body limit is 1 MB).
    app.addContentTypeParser('text/csv', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) => done(null, payload));
    serve(app, ROUTES.customers.import, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      return membersImport.importCsv(req.body, { maxListed: req.query.maxListed });
    });
    // The upload is stored first (the request ends once the file is on disk), then imported by a
    // job the console polls. The jobs table keeps its report without the members' external ids.
    serve(app, ROUTES.imports.membersJob, { bodyLimit: MAX_UPLOAD_BYTES, preHandler: guard.requireRole('admin') }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new VitrinaError('VITRINA_ERR_IMPORT_INVALID', 'Send the CSV as text/csv.');
      const file = await spoolUpload(req.body, { dir: spoolDir, prefix: 'members', maxBytes: MAX_UPLOAD_BYTES });
      const initial: MembersImportProgress = { rowsRead: 0, membersImported: 0, rowsRejected: 0, seconds: 0 };
      const job = await jobs.start<MembersImportProgress, MembersImportReport>('members-import', initial, ({ signal, progress }) =>
        membersImport.importCsv(createReadStream(file, { highWaterMark: SPOOL_READ_BYTES }), {
          maxListed: req.query.maxListed, batchSize: JOB_MAX_BATCH_MEMBERS, chunkMs: JOB_CHUNK_MS, progressEvery: JOB_MAX_BATCH_MEMBERS, signal, onProgress: progress,
        }),
      { label: req.query.name, cleanup: () => rmSync(file, { force: true }), stored: MembersImport.withoutExternalIds });
      return reply.status(202).send(job as MembersImportJob);
    });
  };
}
