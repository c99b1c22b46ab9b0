import { ROUTES } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { rfmSegments, segmentLabel, SEGMENT_HINTS } from '../../lib/analytics';
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
  const rfm = useApi(ROUTES.analytics.rfm, { query: { limit: 0 } });
  const { user } = useAuth();
  const mayTarget = can(user?.role, 'campaigns.edit');
  return (
    <Panel title="Customer segments (RFM, last 12 months)" testId="rfm-panel" flush>
      <QueryView query={rfm} what="RFM segments">
        {(r) => {
          const rows = rfmSegments(r);
          if (rows.length === 0) return <EmptyState title="No segments yet">Segments appear once members have purchases.</EmptyState>;
          const max = Math.max(...rows.map((x) => x.customers), 1);
          return (
            <table class={`table ${style.rfm}`} data-testid="rfm-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" class="num">
                    Customers
                  </th>
                  <th scope="col" class="num">
                    Share
                  </th>
                  <th scope="col" class="num">
                    Spend
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Share of customers</span>
                  </th>
                  {mayTarget && (
                    <th scope="col">
                      <span class="visually-hidden">Target</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((x) => (
                  <tr key={x.name} data-testid="rfm-row" data-segment={x.name}>
                    <td>
                      <div class={style.segment}>{segmentLabel(x.name)}</div>
                      {SEGMENT_HINTS[x.name] && <div class={style.hint}>{SEGMENT_HINTS[x.name]}</div>}
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
