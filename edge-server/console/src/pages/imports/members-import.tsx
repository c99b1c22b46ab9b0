import { useState } from 'preact/hooks';
import { ROUTES, type MembersImportReport } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { formatCount } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { useImportJob } from '../../lib/use-import-job';
import { JobStatus } from './job-status';
import { ReportView } from './report-view';
import style from './style.module.css';

/** The server's upload limit for members files; bigger ones go through `npm run import -- members`. */
const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;
const COLUMNS = 'external_id,first_name,last_name,birth_date,cards,phone,email,consent_program,consent_marketing,consent_profiling,consent_date,consent_text_version,opening_points';

/**
 * Members moving in from the store's old program, as a background job: the file is uploaded and
 * stored, then imported in small batches that the tills and kiosks overtake; the panel follows
 * its progress, may cancel it (the batches written stay; running the file again completes it),
 * and shows the report with every rejected row's line, code and reason.
 */
export function MembersImportPanel() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const importJob = useImportJob(ROUTES.imports.membersJob);
  const { job } = importJob;
  const busy = importJob.upload !== null || job?.status === 'running';

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return setProblem(t('imports.chooseCsv'));
    if (file.size > MAX_UPLOAD_BYTES) return setProblem(t('imports.members.tooLarge'));
    setProblem(null);
    await importJob.start(file, { name: file.name });
  }

  return (
    <Panel title={t('imports.members.title')} testId="members-import">
      <form class={style.form} onSubmit={submit} noValidate data-testid="members-import-form">
        <label class="field">
          <span>{t('imports.members.file')}</span>
          <input class="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="members-import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="members-import-submit">
          {busy ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      <JobStatus
        testId="members-import" job={job} upload={importJob.upload} error={importJob.error} cancelling={importJob.cancelling} onCancel={() => void importJob.cancel()}
        running={job?.kind === 'members-import' ? t('imports.members.running', { rows: formatCount(job.progress.rowsRead), members: formatCount(job.progress.membersImported) }) : null}
        cancelled={t('imports.members.cancelled')}
      />
      <p class={style.cli}>
        {t('imports.members.columns')} <code class={style.columns}>{COLUMNS}</code>. <CodeText text={t('imports.members.help')} />
      </p>
      {problem && <p class={style.error} role="alert" data-testid="members-import-problem">{problem}</p>}
      {job?.report && <MembersReportView report={job.report} />}
    </Panel>
  );
}

export function MembersReportView({ report }: { report: MembersImportReport }) {
  const { t } = useT();
  return (
    <ReportView
      testId="members-import"
      stats={[
        { label: t('imports.members.rowsRead'), value: report.rowsRead },
        { label: t('imports.members.imported'), value: report.membersImported },
        { label: t('imports.members.already'), value: report.membersSkippedExisting },
        { label: t('imports.members.openingPoints'), value: report.openingPointsCredited },
        { label: t('imports.rowsRejected'), value: report.rowsRejected, bad: report.rowsRejected > 0 },
        { label: t('imports.time'), value: report.seconds, unit: 'seconds' },
      ]}
      rejected={report.rejected}
      rejectedCount={report.rowsRejected}
      columns={[
        { header: t('imports.line'), cell: (r) => r.line, numeric: true },
        { header: t('imports.members.externalId'), cell: (r) => r.externalId ?? '—' },
        { header: t('imports.code'), cell: (r) => <code>{r.code}</code> },
        { header: t('imports.reason'), cell: (r) => r.reason },
      ]}
      rowKey={(r, i) => `${i}-${r.line}-${r.code}`}
    />
  );
}
