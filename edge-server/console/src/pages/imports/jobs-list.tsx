import { useState } from 'preact/hooks';
import type { AnyImportJob } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { describeError } from '../../lib/api-error';
import { formatCount, formatDateTime } from '../../lib/format';
import { useImportJobs } from '../../lib/use-import-job';
import { useT } from '../../lib/use-t';
import { FileReport } from './catalog-import';
import { ImportReportView } from './receipts-report';
import { MembersReportView } from './members-import';
import style from './style.module.css';

/**
 * Every import job the server remembers, whatever its kind and whoever started it (also after the
 * page was left or reloaded): its progress while it runs, with a cancel, then its report.
 */
export function JobsList() {
  const { t } = useT();
  const { jobs, error, cancel } = useImportJobs();
  return (
    <Panel title={t('imports.jobs.title')} testId="import-jobs">
      {error && <p class={style.error} role="alert">{describeError(error)}</p>}
      {jobs.length === 0 ? <p class="muted">{t('imports.jobs.none')}</p> : (
        <table class="table" data-testid="import-jobs-table">
          <thead>
            <tr>
              <th scope="col">{t('imports.jobs.started')}</th>
              <th scope="col">{t('imports.jobs.kind')}</th>
              <th scope="col">{t('imports.jobs.file')}</th>
              <th scope="col">{t('imports.jobs.status')}</th>
              <th scope="col">{t('imports.jobs.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.jobId} data-testid="import-job" data-status={job.status}>
                <td>{formatDateTime(job.startedAt)}</td>
                <td>{t(`imports.jobs.kinds.${job.kind}`)}</td>
                <td>{job.label ?? '—'}</td>
                <td>{t(`imports.jobs.statuses.${job.status}`)}{job.error ? `: ${job.error.message} [${job.error.code}]` : ''}</td>
                <td>
                  {progressOf(job, t)}
                  {job.status === 'running' && (
                    <button type="button" class="btn btn-sm" onClick={() => void cancel(job.jobId)} data-testid="import-job-cancel">{t('imports.job.cancel')}</button>
                  )}
                  {job.report && <ReportDetails job={job} summary={t('imports.jobs.report')} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

type T = ReturnType<typeof useT>['t'];

/** How far a job came, in its kind's words. */
function progressOf(job: AnyImportJob, t: T): string {
  switch (job.kind) {
    case 'receipts-import':
      return t('imports.receipts.running', { lines: formatCount(job.progress.linesRead), receipts: formatCount(job.progress.receiptsImported) });
    case 'members-import':
      return t('imports.members.running', { rows: formatCount(job.progress.rowsRead), members: formatCount(job.progress.membersImported) });
    case 'catalog-import':
      return job.progress.phase === 'applying' && job.status === 'running'
        ? t('imports.catalog.applyingFile', { file: job.label ?? '' })
        : t('imports.catalog.reading', { file: job.label ?? '', products: formatCount(job.progress.products), offers: formatCount(job.progress.offers) });
  }
}

/** The report, drawn only once opened (the panels above draw the same report for the job they started). */
function ReportDetails({ job, summary }: { job: AnyImportJob; summary: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && <JobReport job={job} />}
    </details>
  );
}

function JobReport({ job }: { job: AnyImportJob }) {
  switch (job.kind) {
    case 'receipts-import':
      return job.report && <ImportReportView report={job.report} />;
    case 'members-import':
      return job.report && <MembersReportView report={job.report} />;
    case 'catalog-import':
      return <FileReport result={{ name: job.label ?? job.jobId, job }} />;
  }
}
