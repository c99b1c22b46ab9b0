import { useState } from 'preact/hooks';
import { ROUTES, type ReceiptResult } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { NotAvailable } from '../../components/query-view';
import { api } from '../../lib/api';
import { ApiError, describeError } from '../../lib/api-error';
import { formatCount, formatMoney, formatLocalDate } from '../../lib/format';
import { useAction } from '../../lib/use-api';
import { useImportJob } from '../../lib/use-import-job';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { CodeText } from '../../components/code-text';
import { CatalogImportPanel } from './catalog-import';
import { JobStatus } from './job-status';
import { JobsList } from './jobs-list';
import { ImportReportView } from './receipts-report';
import { MembersImportPanel } from './members-import';
import style from './style.module.css';

/** The server's upload limit; bigger histories go through `npm run import` on the server. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const COLUMNS = 'receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor';

/** The store's imports (catalogue, members, receipt history), each a background job; every job the server remembers; looking up one receipt as the till posted it. */
export default function ImportsPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={routeTitle({ id: 'imports', title: 'Data imports' }, t)} description={t('imports.description')} />
      <CatalogImportPanel />
      <MembersImportPanel />
      <UploadPanel />
      <JobsList />
      <ReceiptLookup />
    </>
  );
}

function UploadPanel() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The file is uploaded and stored, then imported by a background job polled here: tills and
  // kiosks keep being served first while it runs, and it can be cancelled between batches.
  const importJob = useImportJob(ROUTES.imports.receiptsJob);
  const { job } = importJob;
  const running = importJob.upload !== null || job?.status === 'running';

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return setProblem(t('imports.chooseCsv'));
    if (file.size > MAX_UPLOAD_BYTES) return setProblem(t('imports.receipts.tooLarge'));
    setProblem(null);
    await importJob.start(file, { name: file.name });
  }

  if (importJob.error instanceof ApiError && importJob.error.isNotAvailable) {
    return (
      <Panel title={t('imports.receipts.title')}>
        <NotAvailable what={t('imports.receipts.what')} />
        <p class={style.cli}>
          <CodeText text={t('imports.receipts.cli')} />
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={t('imports.receipts.title')}>
      <form class={style.form} onSubmit={submit} noValidate data-testid="import-form">
        <label class="field">
          <span>{t('imports.receipts.file')}</span>
          <input class="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={running} data-testid="import-submit">
          {running ? t('imports.importing') : t('imports.import')}
        </button>
      </form>
      <JobStatus
        testId="import" job={job} upload={importJob.upload} error={importJob.error} cancelling={importJob.cancelling} onCancel={() => void importJob.cancel()}
        running={job && t('imports.receipts.running', { lines: formatCount(job.progress.linesRead), receipts: formatCount(job.progress.receiptsImported) })}
        cancelled={t('imports.receipts.cancelled')}
      />
      <p class={style.cli}>
        {t('imports.receipts.columns')} <code>{COLUMNS}</code>. <CodeText text={t('imports.receipts.help')} />
      </p>
      {problem && <p class={style.error} role="alert">{problem}</p>}
      {job?.report && <ImportReportView report={job.report} />}
    </Panel>
  );
}

function ReceiptLookup() {
  const { t } = useT();
  const [id, setId] = useState('');
  const [receipt, setReceipt] = useState<ReceiptResult | null>(null);
  const find = useAction((rid: string) => api.call(ROUTES.receipts.get, { params: { receiptId: rid } }));

  async function submit(e: Event) {
    e.preventDefault();
    setReceipt(null);
    if (!id.trim()) return;
    const r = await find.run(id.trim());
    if (r) setReceipt(r);
  }

  return (
    <Panel title={t('imports.lookup.title')}>
      <form class={style.form} onSubmit={submit} noValidate data-testid="receipt-lookup-form">
        <label class="field">
          <span>{t('imports.lookup.id')}</span>
          <input class="input" value={id} onInput={(e) => setId(e.currentTarget.value)} data-testid="receipt-id" />
        </label>
        <button type="submit" class="btn" disabled={find.pending || !id.trim()} data-testid="receipt-find">
          {t('imports.lookup.find')}
        </button>
      </form>
      {find.error && (
        <p class={style.error} role="alert">
          {describeError(find.error)}
        </p>
      )}
      {receipt && (
        <div data-testid="receipt-result" class={style.receipt}>
          <p>
            <strong>{receipt.kind === 'sale' ? t('imports.lookup.sale') : t('imports.lookup.return')}</strong>{' '}
            {t('imports.lookup.summary', { day: formatLocalDate(receipt.localDate), total: formatMoney(receipt.totalMinor), paid: formatMoney(receipt.payableMinor), earned: formatCount(receipt.points.earned), redeemed: formatCount(receipt.points.redeemed) })}
            {receipt.customerId ? ` · ${t('imports.lookup.customer', { id: receipt.customerId })}` : ` · ${t('imports.lookup.anonymous')}`}
          </p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col" class="num">#</th>
                <th scope="col">{t('imports.lookup.product')}</th>
                <th scope="col" class="num">{t('imports.lookup.qty')}</th>
                <th scope="col" class="num">{t('imports.lookup.unit')}</th>
                <th scope="col" class="num">{t('imports.lookup.discounts')}</th>
                <th scope="col" class="num">{t('imports.lookup.net')}</th>
                <th scope="col" class="num">{t('imports.lookup.points')}</th>
              </tr>
            </thead>
            <tbody>
              {receipt.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td class="num">{l.lineNo}</td>
                  <td>{l.productId}</td>
                  <td class="num">{formatCount(l.quantity)}</td>
                  <td class="num">{formatMoney(l.unitPriceMinor)}</td>
                  <td class="num">{formatMoney(l.discountMinor + l.promoDiscountMinor)}</td>
                  <td class="num">{formatMoney(l.netMinor)}</td>
                  <td class="num">{formatCount(l.pointsEarned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
