import { useState } from 'preact/hooks';
import { ROUTES, type CatalogImportReport } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { ApiError, describeError } from '../../lib/api-error';
import { sendFile } from '../../lib/send-file';
import { formatCount, formatSeconds } from '../../lib/format';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { routeUrl } from '../../lib/route-url';
import style from './style.module.css';

/** The server's limit for an upload; bigger catalogues go through `npm run import -- catalog` on the server. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const CSV_COLUMNS = 'id,name,short_name,article,barcodes,brand,group_path,unit,price_minor,vat_rate,image,active,restricted_kind,egais';

interface FileResult {
  name: string;
  report?: CatalogImportReport;
  error?: string;
}

/** One catalogue file, CommerceML or product CSV (by its name or type), with upload progress. */
function uploadWithProgress(file: File, onProgress: (sent: number, total: number) => void): Promise<CatalogImportReport> {
  const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
  const url = routeUrl(ROUTES.catalog.import, { query: csv ? { format: 'csv' } : {} });
  return sendFile<CatalogImportReport>({ method: 'POST', url, contentType: csv ? 'text/csv' : 'application/xml', file, onProgress });
}

/**
 * The catalogue upload: 1C CommerceML (import.xml, then offers.xml) or the product CSV. Files
 * go one after another in the order chosen, each applied whole or not at all; each gets its report.
 */
export function CatalogImportPanel() {
  const { t, fmt } = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ file: string; pct: number; phase: 'uploading' | 'applying' } | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

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
      setProgress({ file: f.name, pct: 0, phase: 'uploading' });
      try {
        const report = await uploadWithProgress(f, (sent, total) => {
          const pct = total > 0 ? Math.round((sent / total) * 100) : 0;
          setProgress({ file: f.name, pct, phase: pct >= 100 ? 'applying' : 'uploading' });
        });
        out.push({ name: f.name, report });
      } catch (err) {
        out.push({ name: f.name, error: `${describeError(err)}${err instanceof ApiError ? ` [${err.code}]` : ''}` });
      }
      setResults([...out]);
    }
    setProgress(null);
  }

  return (
    <Panel title={t('imports.catalog.title')} testId="catalog-import">
      <form class={style.form} onSubmit={submit} noValidate data-testid="catalog-import-form">
        <label class="field">
          <span>{t('imports.catalog.files')}</span>
          <input class="input" type="file" multiple accept=".xml,.csv,application/xml,text/xml,text/csv" onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} data-testid="catalog-import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={progress !== null} data-testid="catalog-import-submit">
          {progress ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      {progress && (
        <div class={style.progress} data-testid="catalog-import-progress">
          <progress max={100} value={progress.phase === 'applying' ? undefined : progress.pct} aria-label={t('imports.catalog.uploading', { file: progress.file })} />
          <span>{progress.file}: {progress.phase === 'applying' ? t('imports.catalog.applying') : t('imports.catalog.uploaded', { pct: fmt.count(progress.pct) })}</span>
        </div>
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

function FileReport({ result }: { result: FileResult }) {
  const { t } = useT();
  if (result.error) {
    return <p class={style.error} role="alert" data-testid="catalog-import-error"><strong>{result.name}</strong>: {result.error} {t('imports.catalog.nothingApplied')}</p>;
  }
  const r = result.report!;
  return (
    <div data-testid="catalog-import-report">
      <h3 class={style.fileName}>{result.name}</h3>
      <dl class={style.stats}>
        <div><dt>{t('imports.catalog.newProducts')}</dt><dd>{formatCount(r.productsImported)}</dd></div>
        <div><dt>{t('imports.catalog.updated')}</dt><dd>{formatCount(r.productsUpdated)}</dd></div>
        <div><dt>{t('imports.catalog.deactivated')}</dt><dd>{formatCount(r.productsDeactivated)}</dd></div>
        <div><dt>{t('imports.catalog.groups')}</dt><dd>{formatCount(r.groups)}</dd></div>
        <div><dt>{t('imports.catalog.prices')}</dt><dd>{formatCount(r.pricesImported)}</dd></div>
        <div><dt>{t('imports.catalog.rejected')}</dt><dd class={r.rejectedCount > 0 ? style.bad : undefined}>{formatCount(r.rejectedCount)}</dd></div>
        <div><dt>{t('imports.time')}</dt><dd>{formatSeconds(r.seconds)}</dd></div>
      </dl>
      {r.rejected.length > 0 && (
        <table class="table" data-testid="catalog-import-rejected">
          <thead><tr><th scope="col">{t('imports.catalog.item')}</th><th scope="col">{t('imports.reason')}</th></tr></thead>
          <tbody>
            {r.rejected.slice(0, 100).map((x, i) => <tr key={`${i}-${x.ref}`}><td>{x.ref}</td><td>{x.reason}</td></tr>)}
          </tbody>
        </table>
      )}
      {r.warnings.length > 0 && (
        <details class={style.cli}>
          <summary>{t('imports.catalog.warnings', { count: r.warnings.length, n: formatCount(r.warnings.length) })}</summary>
          <ul>{r.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </details>
      )}
    </div>
  );
}
