import { useState } from 'preact/hooks';
import { ROUTES, type MembersImportReport } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { formatCount, formatSeconds } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { useImportJob } from '../../lib/use-import-job';
import { JobStatus } from './job-status';
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
    <div data-testid="members-import-report">
      <dl class={style.stats}>
        <div>
          <dt>{t('imports.members.rowsRead')}</dt>
          <dd>{formatCount(report.rowsRead)}</dd>
        </div>
        <div>
          <dt>{t('imports.members.imported')}</dt>
          <dd>{formatCount(report.membersImported)}</dd>
        </div>
        <div>
          <dt>{t('imports.members.already')}</dt>
          <dd>{formatCount(report.membersSkippedExisting)}</dd>
        </div>
        <div>
          <dt>{t('imports.members.openingPoints')}</dt>
          <dd>{formatCount(report.openingPointsCredited)}</dd>
        </div>
        <div>
          <dt>{t('imports.rowsRejected')}</dt>
          <dd class={report.rowsRejected > 0 ? style.bad : undefined}>{formatCount(report.rowsRejected)}</dd>
        </div>
        <div>
          <dt>{t('imports.time')}</dt>
          <dd>{formatSeconds(report.seconds)}</dd>
        </div>
      </dl>
      {report.rejected.length > 0 && (
        <table class="table" data-testid="members-import-rejected">
          <thead>
            <tr>
              <th scope="col" class="num">{t('imports.line')}</th>
              <th scope="col">{t('imports.members.externalId')}</th>
              <th scope="col">{t('imports.code')}</th>
              <th scope="col">{t('imports.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.slice(0, 200).map((r) => (
              <tr key={`${r.line}-${r.code}`}>
                <td class="num">{r.line}</td>
                <td>{r.externalId ?? '—'}</td>
                <td>
                  <code>{r.code}</code>
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.rowsRejected > report.rejected.length && <p class="muted">{t('imports.members.firstRejected', { count: report.rejected.length, n: formatCount(report.rejected.length) })}</p>}
    </div>
  );
}
