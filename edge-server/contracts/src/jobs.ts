import { Type, type Static, type TSchema } from 'typebox';
import { CatalogImportReport } from './catalog.js';
import { MembersImportReport } from './customers.js';
import { ImportJob } from './receipts.js';

/**
 * Background import jobs started from the console, one kind per file type. Every kind has the
 * same envelope as the receipts import's `ImportJob` (id, status, times, label, error); progress
 * and report are the kind's own.
 */
const JobStatus = Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('cancelled'), Type.Literal('failed')]);
const JobError = Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]);

function jobOf<K extends string, P extends TSchema, R extends TSchema>(kind: K, progress: P, report: R) {
  return Type.Object({
    jobId: Type.String(),
    kind: Type.Literal(kind),
    label: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    status: JobStatus,
    startedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    progress,
    report: Type.Union([report, Type.Null()]),
    error: JobError,
  });
}

/** How far a members import job has come (every committed batch). */
export const MembersImportProgress = Type.Object({
  rowsRead: Type.Integer(),
  membersImported: Type.Integer(),
  rowsRejected: Type.Integer(),
  seconds: Type.Number(),
});
export type MembersImportProgress = Static<typeof MembersImportProgress>;

/**
 * A members CSV import as a background job. A cancel stops it between two batches: the members
 * of the batches committed before stay, and a re-run of the file skips them (their external id)
 * and completes it.
 */
export const MembersImportJob = jobOf('members-import', MembersImportProgress, MembersImportReport);
export type MembersImportJob = Static<typeof MembersImportJob>;

/**
 * How far a catalogue import job has come: `reading` stages the file's rows (nothing in the
 * catalogue changes yet), `applying` writes them into the catalogue in one transaction.
 */
export const CatalogImportProgress = Type.Object({
  phase: Type.Union([Type.Literal('reading'), Type.Literal('applying')]),
  products: Type.Integer(),
  offers: Type.Integer(),
  seconds: Type.Number(),
});
export type CatalogImportProgress = Static<typeof CatalogImportProgress>;

/**
 * One catalogue file (CommerceML import.xml / offers.xml, or the product CSV) as a background
 * job. All or nothing: a cancel while the file is read, or while it is applied (the apply
 * transaction is rolled back), leaves the catalogue exactly as it was; once applied, a cancel
 * comes too late and the job ends `done`.
 */
export const CatalogImportJob = jobOf('catalog-import', CatalogImportProgress, CatalogImportReport);
export type CatalogImportJob = Static<typeof CatalogImportJob>;

/** Any import job, told apart by `kind`. */
export const AnyImportJob = Type.Union([ImportJob, MembersImportJob, CatalogImportJob]);
export type AnyImportJob = Static<typeof AnyImportJob>;
export type ImportJobKind = AnyImportJob['kind'];

/** The console's list: jobs running now and the latest ended ones, newest first. */
export const ImportJobList = Type.Object({ jobs: Type.Array(AnyImportJob) });
export type ImportJobList = Static<typeof ImportJobList>;

/** A console upload may name its file (shown in the job list). */
export const ImportJobQuery = Type.Object({
  maxListed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  name: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ImportJobQuery = Static<typeof ImportJobQuery>;

/** Like ImportJobQuery, plus the catalogue's `format` (csv, else CommerceML XML). */
export const CatalogImportJobQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xml'), Type.Literal('csv')])),
  maxListed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  name: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type CatalogImportJobQuery = Static<typeof CatalogImportJobQuery>;
