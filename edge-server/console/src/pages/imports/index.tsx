import { useState } from 'preact/hooks';
import { ROUTES, type ImportReport, type ReceiptResult } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { NotAvailable } from '../../components/query-view';
import { api } from '../../lib/api';
import { ApiError, describeError } from '../../lib/api-error';
import { formatCount, formatMoney, formatLocalDate } from '../../lib/format';
import { useAction } from '../../lib/use-api';
import { CatalogImportPanel } from './catalog-import';
import { MembersImportPanel } from './members-import';
import style from './style.module.css';

/** The server's upload limit; bigger histories go through `npm run import` on the server. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const COLUMNS = 'receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor';

/** Receipt history imports (CSV) and looking up one receipt as the till posted it. */
export default function ImportsPage() {
  return (
    <>
      <PageHeader title="Data imports" description="Bring the store in: its catalogue from 1C (CommerceML) or CSV, its existing members, and historical receipts from the till system. Re-running any import changes nothing that is already there." />
      <CatalogImportPanel />
      <MembersImportPanel />
      <UploadPanel />
      <ReceiptLookup />
    </>
  );
}

function UploadPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  // The File goes as the body: the browser streams it and the server parses it as it arrives.
  const upload = useAction((f: File) => api.upload(ROUTES.imports.receipts, f));

  async function submit(e: Event) {
    e.preventDefault();
    setReport(null);
    if (!file) return setProblem('Choose a CSV file first.');
    if (file.size > MAX_UPLOAD_BYTES) return setProblem('This file is larger than 200 MB: import it on the server with npm run import -- receipts.csv.');
    setProblem(null);
    const r = await upload.run(file);
    if (r) setReport(r);
  }

  if (upload.error instanceof ApiError && upload.error.isNotAvailable) {
    return (
      <Panel title="Import receipts (CSV)">
        <NotAvailable what="uploading receipt files" />
        <p class={style.cli}>
          On the store server, run <code>npm run import -- receipts.csv</code>; it prints a report with rejected rows and reasons.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title="Import receipts (CSV)">
      <form class={style.form} onSubmit={submit} noValidate data-testid="import-form">
        <label class="field">
          <span>Receipts file</span>
          <input class="input" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} data-testid="import-file" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={upload.pending} data-testid="import-submit">
          {upload.pending ? 'Importing…' : 'Import'}
        </button>
      </form>
      <p class={style.cli}>
        CSV with a header row: <code>{COLUMNS}</code>. Money in cents; <code>store_time</code> in ISO 8601 UTC. Up to 200 MB here; larger files with{' '}
        <code>npm run import -- receipts.csv</code> on the server.
      </p>
      {(problem || upload.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(upload.error)}
        </p>
      )}
      {report && <ImportReportView report={report} />}
    </Panel>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div data-testid="import-report">
      <dl class={style.stats}>
        <div>
          <dt>Lines read</dt>
          <dd>{formatCount(report.linesRead)}</dd>
        </div>
        <div>
          <dt>Receipts imported</dt>
          <dd>{formatCount(report.receiptsImported)}</dd>
        </div>
        <div>
          <dt>Already present</dt>
          <dd>{formatCount(report.receiptsSkippedExisting)}</dd>
        </div>
        <div>
          <dt>Rows rejected</dt>
          <dd class={report.rowsRejected > 0 ? style.bad : undefined}>{formatCount(report.rowsRejected)}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{report.seconds.toFixed(1)} s</dd>
        </div>
      </dl>
      {report.rejected.length > 0 && (
        <table class="table" data-testid="import-rejected">
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Receipt</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.slice(0, 100).map((r) => (
              <tr key={`${r.line}-${r.reason}`}>
                <td class="num">{r.line}</td>
                <td>{r.receiptId ?? '—'}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ReceiptLookup() {
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
    <Panel title="Look up a receipt">
      <form class={style.form} onSubmit={submit} noValidate data-testid="receipt-lookup-form">
        <label class="field">
          <span>Receipt id</span>
          <input class="input" value={id} onInput={(e) => setId(e.currentTarget.value)} data-testid="receipt-id" />
        </label>
        <button type="submit" class="btn" disabled={find.pending || !id.trim()} data-testid="receipt-find">
          Find
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
            <strong>{receipt.kind === 'sale' ? 'Sale' : 'Return'}</strong> on {formatLocalDate(receipt.localDate)} · total {formatMoney(receipt.totalMinor)} · paid{' '}
            {formatMoney(receipt.payableMinor)} · points +{formatCount(receipt.points.earned)} / −{formatCount(receipt.points.redeemed)}
            {receipt.customerId ? ` · customer ${receipt.customerId}` : ' · anonymous'}
          </p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col" class="num">#</th>
                <th scope="col">Product</th>
                <th scope="col" class="num">Qty</th>
                <th scope="col" class="num">Unit</th>
                <th scope="col" class="num">Discounts</th>
                <th scope="col" class="num">Net</th>
                <th scope="col" class="num">Points</th>
              </tr>
            </thead>
            <tbody>
              {receipt.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td class="num">{l.lineNo}</td>
                  <td>{l.productId}</td>
                  <td class="num">{l.quantity}</td>
                  <td class="num">{formatMoney(l.unitPriceMinor)}</td>
                  <td class="num">{formatMoney(l.discountMinor + l.promoDiscountMinor)}</td>
                  <td class="num">{formatMoney(l.netMinor)}</td>
                  <td class="num">{l.pointsEarned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
