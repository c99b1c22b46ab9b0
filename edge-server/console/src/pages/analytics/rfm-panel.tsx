import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { rfmSegments, segmentHint, segmentLabel } from '../../lib/analytics';
import { useT } from '../../lib/use-t';
import { formatCount, formatMoneyWhole, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { can } from '../../lib/roles';
import { SaveSegmentButton } from './save-segment-button';
import style from './style.module.css';

/**
 * Customers per RFM segment (recency, frequency, monetary scores 1–5 over 12 months), as bars.
 * Marketers can save a group as a promotion segment to target it.
 */
export function RfmPanel() {
  // limit=0: segment counts only (scores are fetched when a segment is saved).
  const { t } = useT();
  const rfm = useApi(ROUTES.analytics.rfm, { query: { limit: 0 } });
  const { user } = useAuth();
  const mayTarget = can(user?.role, 'campaigns.edit');
  return (
    <Panel title={t('analytics.rfmTitle')} testId="rfm-panel" flush>
      <QueryView query={rfm} what={t('analytics.whatRfm')}>
        {(r) => {
          const rows = rfmSegments(r);
          if (rows.length === 0) return <EmptyState title={t('analytics.noSegments')}>{t('analytics.noSegmentsText')}</EmptyState>;
          const max = Math.max(...rows.map((x) => x.customers), 1);
          return (
            <table class={`table ${style.rfm}`} data-testid="rfm-table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.segment')}</th>
                  <th scope="col" class="num">
                    {t('analytics.customers')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.share')}
                  </th>
                  <th scope="col" class="num">
                    {t('analytics.spend')}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t('analytics.shareOfCustomers')}</span>
                  </th>
                  {mayTarget && (
                    <th scope="col">
                      <span class="visually-hidden">{t('analytics.target')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.name} data-testid="rfm-row" data-segment={x.name}>
                    <td>
                      <div class={style.segment}>{segmentLabel(x.name)}</div>
                      {segmentHint(x.name) && <div class={style.hint}>{segmentHint(x.name)}</div>}
                    </td>
                    <td class="num">{formatCount(x.customers)}</td>
                    <td class="num">{formatPercent(x.share)}</td>
                    <td class="num">{formatMoneyWhole(x.spendMinor)}</td>
                    <td class={style.barCell} aria-hidden="true">
                      <span class={style.bar} style={{ width: `${(x.customers / max) * 100}%` }} />
                    </td>
                    {mayTarget && <td class="num">{x.customers > 0 && <SaveSegmentButton segment={x.name} />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryView>
    </Panel>
  );
}
