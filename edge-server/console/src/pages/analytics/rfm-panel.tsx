import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { rfmSegments, segmentLabel } from '../../lib/analytics';
import { EP } from '../../lib/endpoints';
import { formatCount, formatPercent } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import style from './style.module.css';

/** Customers per RFM segment (recency, frequency, monetary scores 1–5), as bars. */
export function RfmPanel() {
  const rfm = useApi<unknown>(EP.analyticsRfm);
  return (
    <Panel title="Customer segments (RFM)" testId="rfm-panel">
      <QueryView query={rfm} what="RFM segments">
        {(raw) => {
          const rows = rfmSegments(raw);
          if (rows.length === 0) return <EmptyState title="No segments yet" />;
          const max = Math.max(...rows.map((r) => r.customers), 1);
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
                  <th scope="col">
                    <span class="visually-hidden">Bar</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.name} data-testid="rfm-row" data-segment={r.name}>
                    <td>{segmentLabel(r.name)}</td>
                    <td class="num">{formatCount(r.customers)}</td>
                    <td class="num">{formatPercent(r.share)}</td>
                    <td class={style.barCell}>
                      <span class={style.bar} style={{ width: `${(r.customers / max) * 100}%` }} />
                    </td>
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
