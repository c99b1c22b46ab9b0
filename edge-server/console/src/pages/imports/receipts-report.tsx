import type { ImportReport } from '@vitrina/contracts';
import { formatCount, formatSeconds } from '../../lib/format';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** A receipts import's report: counts, then the rejected rows with their line, receipt and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useT();
  return (
    <div data-testid="import-report">
      <dl class={style.stats}>
        <div>
          <dt>{t('imports.receipts.linesRead')}</dt>
          <dd>{formatCount(report.linesRead)}</dd>
        </div>
        <div>
          <dt>{t('imports.receipts.imported')}</dt>
          <dd>{formatCount(report.receiptsImported)}</dd>
        </div>
        <div>
          <dt>{t('imports.receipts.already')}</dt>
          <dd>{formatCount(report.receiptsSkippedExisting)}</dd>
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
        <table class="table" data-testid="import-rejected">
          <thead>
            <tr>
              <th scope="col" class="num">{t('imports.line')}</th>
              <th scope="col">{t('imports.receipts.receipt')}</th>
              <th scope="col">{t('imports.reason')}</th>
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
