import { ROUTES, type Campaign } from '@vitrina/contracts';
import { Panel } from '../panel';
import { EmptyState, QueryView } from '../query-view';
import { useApi, type Query } from '../../lib/use-api';
import { useCampaignResults } from '../../lib/use-campaign-results';
import { CampaignResultsTable } from '.';
import style from './style.module.css';

/** The campaign results panel: every campaign measured against its holdout. */
export function CampaignResultsPanel({ campaigns }: { campaigns?: Query<Campaign[]> }) {
  const own = useApi(ROUTES.campaigns.list, { skip: !!campaigns });
  const results = useCampaignResults(campaigns ?? own);
  return (
    <Panel title="Campaign results: treatment vs control" flush testId="campaign-results">
      <QueryView query={results} what="campaign measurement">
        {({ rows, failed }) => (
          <>
            {rows.length === 0 && failed.length === 0 && <EmptyState title="No campaigns to measure yet">Campaigns appear here from their first day.</EmptyState>}
            {rows.length > 0 && <CampaignResultsTable rows={rows} />}
            {failed.length > 0 && (
              <ul class={style.failed} role="status">
                {failed.map((f) => (
                  <li key={f.id}>
                    {f.name}: {f.message}
                  </li>
                ))}
              </ul>
            )}
            {rows.length > 0 && (
              <p class={style.footnote}>
                Customers are assigned once to treatment or control. Lift = (treatment − control) / control revenue per customer, with its 95% confidence
                interval; “not significant” means the interval includes zero. ROI = (incremental margin − cost of discounts and points) / cost.
              </p>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
