import { useState } from 'preact/hooks';
import { ROUTES, type MembersImportReport } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { describeError } from '../../lib/api-error';
import { formatCount, formatSeconds } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { useUpload } from '../../lib/use-upload';
import style from './style.module.css';

/** The server's upload limit for members files; bigger ones go through `npm run import -- members`. */
const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;
const COLUMNS = 'external_id,first_name,last_name,birth_date,cards,phone,email,consent_program,consent_marketing,consent_profiling,consent_date,consent_text_version,opening_points';

/**
 * Members moving in from the store's old program. The file streams to the server, which reads
 * it as it arrives; the bar follows the upload, and the report lists every rejected row with
 * its line, code and reason. Running the same file again imports nothing new.
 */
export function MembersImportPanel() {
  const { t, fmt } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<MembersImportReport | null>(null);
  const upload = useUpload(ROUTES.customers.import);

  async function submit(e: Event) {
    e.preventDefault();
    setReport(null);
    if (!file) return setProblem(t('imports.chooseCsv'));
    if (file.size > MAX_UPLOAD_BYTES) return setProblem(t('imports.members.tooLarge'));
    setProblem(null);
    const r = await upload.run(file);
    if (r) setReport(r);
  }

  const pct = upload.progress && upload.progress.total > 0 ? Math.min(100, Math.round((upload.progress.sent / upload.progress.total) * 100)) : 0;
  return (
    <Panel title={t('imports.members.title')} testId="members-import">
      <form class={style.form} onSubmit={submit} noValidate data-testid="members-import-form">
        <label class="field">
          <span>{t('imports.members.file')}</span>
          <input class="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="members-import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={upload.pending} data-testid="members-import-submit">
          {upload.pending ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      {upload.pending && (
        <div class={style.progress}>
          <progress max={100} value={pct} aria-label={t('imports.members.progress')} data-testid="members-import-progress" />
          <span class="muted">{pct < 100 ? t('imports.members.sent', { pct: fmt.count(pct) }) : t('imports.members.writing')}</span>
        </div>
      )}
      <p class={style.cli}>
        {t('imports.members.columns')} <code class={style.columns}>{COLUMNS}</code>. <CodeText text={t('imports.members.help')} />
      </p>
      {(problem || upload.error) && (
        <p class={style.error} role="alert" data-testid="members-import-error">
          {problem ?? describeError(upload.error)}
        </p>
      )}
      {report && <MembersReportView report={report} />}
    </Panel>
  );
}

function MembersReportView({ report }: { report: MembersImportReport }) {
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
