import { ROUTES } from '@vitrina/contracts';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { Panel } from '../../components/panel';
import { ErrorNotice, QueryView } from '../../components/query-view';
import { downloadFile } from '../../lib/download-file';
import { formatMoney, formatPoints } from '../../lib/format';
import { monthLabel } from '../../lib/reports';
import { routeUrl } from '../../lib/route-url';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';

/** Points the program owes: outstanding points, their value, and when they expire. */
export function LiabilityPanel() {
  const { t, fmt } = useT();
  const liability = useApi(ROUTES.reports.pointsLiability);
  const download = useAction(() => downloadFile(routeUrl(ROUTES.reports.pointsLiabilityCsv), 'vitrina-points-liability.csv'));
  return (
    <Panel
      title={t('reports.liabilityTitle')}
      testId="liability-panel"
      actions={
        <button type="button" class="btn btn-small" disabled={download.pending} onClick={() => void download.run()} data-testid="liability-export">
          {t('reports.downloadCsv')}
        </button>
      }
    >
      {download.error && <ErrorNotice error={download.error} />}
      <QueryView query={liability} what={t('reports.whatLiability')}>
        {(l) => (
          <>
            <KpiGrid>
              <KpiCard name="liability-points" label={t('reports.outstanding')} value={formatPoints(l.outstandingPoints)} hint={t('reports.pendingHint', { n: formatPoints(l.pendingPoints) })} />
              <KpiCard name="liability-value" label={t('reports.liabilityValue')} value={formatMoney(l.valueMinor)} hint={t('reports.pointValueHint', { value: formatMoney(l.pointValueMinor) })} />
            </KpiGrid>
            {l.byExpiryMonth.length > 0 && (
              <table class="table" data-testid="liability-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.expires')}</th>
                    <th scope="col" class="num">{t('reports.pointsColumn')}</th>
                    <th scope="col" class="num">{t('reports.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.byExpiryMonth.map((m) => (
                    <tr key={m.month}>
                      <td>{m.month === 'never' ? t('reports.neverExpires') : monthLabel(m.month, fmt.locale)}</td>
                      <td class="num">{formatPoints(m.points)}</td>
                      <td class="num">{formatMoney(m.valueMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
