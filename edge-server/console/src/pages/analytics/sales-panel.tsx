import { useState } from 'preact/hooks';
import { ROUTES, SALES_GROUPS, type ReportBucket, type SalesGroup } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { downloadFile } from '../../lib/download-file';
import { formatCount, formatLocalDate, formatMoney } from '../../lib/format';
import { routeUrl } from '../../lib/route-url';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * Sales report by period bucket, product, category or department, with its CSV and the CSV of
 * every receipt line. Receipts carry no zone or till, so there is no report by zone.
 */
export function SalesPanel({ period }: { period: { from: string; to: string; bucket: ReportBucket } }) {
  const { t } = useT();
  const [by, setBy] = useState<SalesGroup>('period');
  const sales = useApi(ROUTES.reports.sales, { query: { ...period, by } });
  const download = useAction((what: SalesGroup | 'line') =>
    downloadFile(routeUrl(ROUTES.reports.salesCsv, { query: { from: period.from, to: period.to, by: what, bucket: period.bucket } }), `vitrina-sales-${what}.csv`));
  const groupLabel = (g: SalesGroup) => (g === 'period' ? t('reports.byPeriod') : g === 'product' ? t('reports.byProduct') : g === 'category' ? t('reports.byCategory') : t('reports.byDepartment'));
  return (
    <Panel
      title={t('reports.salesTitle')}
      testId="sales-panel"
      actions={
        <>
          <label class={style.inline}>
            <span>{t('reports.groupBy')}</span>
            <select class="select" value={by} onChange={(e) => setBy(e.currentTarget.value as SalesGroup)} data-testid="sales-by">
              {SALES_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {groupLabel(g)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run(by)} data-testid="sales-export">
            {t('reports.downloadCsv')}
          </button>
          <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run('line')} data-testid="sales-lines-export">
            {t('reports.downloadLines')}
          </button>
        </>
      }
      flush
    >
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={sales} what={t('reports.whatSales')}>
        {(r) =>
          r.rows.length === 0 ? (
            <EmptyState title={t('reports.noSales')}>{t('reports.noSalesText')}</EmptyState>
          ) : (
            <table class="table" data-testid="sales-table">
              <thead>
                <tr>
                  <th scope="col">{groupLabel(by)}</th>
                  <th scope="col" class="num">{t('reports.receipts')}</th>
                  <th scope="col" class="num">{t('reports.quantity')}</th>
                  <th scope="col" class="num">{t('reports.sales')}</th>
                  <th scope="col" class="num">{t('reports.discount')}</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={row.key} data-testid="sales-row" data-key={row.key}>
                    <td>{by === 'period' ? formatLocalDate(row.key) : row.label}</td>
                    <td class="num">{formatCount(row.receipts)}</td>
                    <td class="num">{formatCount(row.quantity)}</td>
                    <td class="num">{formatMoney(row.salesMinor)}</td>
                    <td class="num">{formatMoney(row.discountMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Panel>
  );
}
