import { useState } from 'preact/hooks';
import { ROUTES, type CatalogImportJob } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { describeError } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { useImportJob } from '../../lib/use-import-job';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { JobStatus } from './job-status';
import { ReportView } from './report-view';
import style from './style.module.css';

/** The server's limit for an upload; bigger catalogues go through `npm run import -- catalog` on the server. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const CSV_COLUMNS = 'id,name,short_name,article,barcodes,brand,group_path,unit,price_minor,vat_rate,image,active,restricted_kind,egais';

interface FileResult {
  name: string;
  job?: CatalogImportJob;
  error?: string;
}

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/**
 * The catalogue upload: 1C CommerceML (import.xml, then offers.xml) or the product CSV. Each file
 * is a background job of its own, started once the one before ended (prices need their
 * products), and applied whole or not at all: a cancel, at any moment before its apply
 * committed, leaves the catalogue exactly as it was and starts no further file. Each file gets its report.
 */
export function CatalogImportPanel() {
  const { t } = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const importJob = useImportJob(ROUTES.imports.catalogJob);
  const { job } = importJob;

  // import.xml before offers.xml, whatever order the picker gave them in: prices need their products.
  const ordered = [...files].sort((a, b) => rank(a.name) - rank(b.name));

  async function submit(e: Event) {
    e.preventDefault();
    setResults([]);
    if (ordered.length === 0) return setProblem(t('imports.catalog.chooseFiles'));
    const big = ordered.find((f) => f.size > MAX_UPLOAD_BYTES);
    if (big) return setProblem(t('imports.catalog.tooLarge', { name: big.name }));
    setProblem(null);
    const out: FileResult[] = [];
    for (const f of ordered) {
      setCurrent(f.name);
      const ended = await importJob.start(f, { name: f.name, format: isCsv(f) ? 'csv' : undefined });
      out.push('job' in ended ? { name: f.name, job: ended.job } : { name: f.name, error: `${describeError(ended.error)} [${ended.error.code}]` });
      setResults([...out]);
      // A cancel stops the files after it too (each file's report says what it did).
      if ('job' in ended && ended.job.status === 'cancelled') break;
    }
    setCurrent(null);
  }

  const progress = job?.status === 'running' ? job.progress : null;
  return (
    <Panel title={t('imports.catalog.title')} testId="catalog-import">
      <form class={style.form} onSubmit={submit} noValidate data-testid="catalog-import-form">
        <label class="field">
          <span>{t('imports.catalog.files')}</span>
          <input class="input" type="file" multiple accept=".xml,.csv,application/xml,text/xml,text/csv" onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} data-testid="catalog-import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={current !== null} data-testid="catalog-import-submit">
          {current ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      {current && (
        <JobStatus
          testId="catalog-import" job={job?.status === 'running' ? job : null} upload={importJob.upload} error={null} cancelling={importJob.cancelling} onCancel={() => void importJob.cancel()}
          running={progress && (progress.phase === 'applying'
            ? t('imports.catalog.applyingFile', { file: current })
            : t('imports.catalog.reading', { file: current, products: formatCount(progress.products), offers: formatCount(progress.offers) }))}
          cancelled=""
        />
      )}
      <p class={style.cli}>
        <CodeText text={t('imports.catalog.help', { columns: CSV_COLUMNS })} />
      </p>
      {problem && <p class={style.error} role="alert">{problem}</p>}
      {results.map((r) => <FileReport key={r.name} result={r} />)}
    </Panel>
  );
}

function rank(name: string) {
  const n = name.toLowerCase();
  return n.includes('offers') || n.includes('prices') ? 2 : n.endsWith('.csv') ? 0 : 1;
}

export function FileReport({ result }: { result: FileResult }) {
  const { t } = useT();
  const { job } = result;
  if (result.error || !job || job.status === 'failed') {
    const why = job?.error ? `${job.error.message} [${job.error.code}]` : result.error;
    return <p class={style.error} role="alert" data-testid="catalog-import-error"><strong>{result.name}</strong>: {why} {t('imports.catalog.nothingApplied')}</p>;
  }
  if (job.status === 'cancelled') {
    return <p role="status" data-testid="catalog-import-cancelled"><strong>{result.name}</strong>: {t('imports.catalog.cancelled')}</p>;
  }
  if (!job.report) return null;
  const r = job.report;
  return (
    <>
      <h3 class={style.fileName}>{result.name}</h3>
      <ReportView
        testId="catalog-import"
        stats={[
          { label: t('imports.catalog.newProducts'), value: r.productsImported },
          { label: t('imports.catalog.updated'), value: r.productsUpdated },
          { label: t('imports.catalog.deactivated'), value: r.productsDeactivated },
          { label: t('imports.catalog.groups'), value: r.groups },
          { label: t('imports.catalog.prices'), value: r.pricesImported },
          { label: t('imports.catalog.rejected'), value: r.rejectedCount, bad: r.rejectedCount > 0 },
          { label: t('imports.time'), value: r.seconds, unit: 'seconds' },
        ]}
        rejected={r.rejected}
        rejectedCount={r.rejectedCount}
        columns={[
          { header: t('imports.catalog.item'), cell: (x) => x.ref },
          { header: t('imports.reason'), cell: (x) => x.reason },
        ]}
        rowKey={(x, i) => `${i}-${x.ref}`}
      >
        {r.warnings.length > 0 && (
          <details class={style.cli}>
            <summary>{t('imports.catalog.warnings', { count: r.warnings.length, n: formatCount(r.warnings.length) })}</summary>
            <ul>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          </details>
        )}
      </ReportView>
    </>
  );
}
