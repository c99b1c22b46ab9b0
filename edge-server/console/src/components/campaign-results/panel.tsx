import { ROUTES, type Campaign } from '@vitrina/contracts';
import { Panel } from '../panel';
import { EmptyState, QueryView } from '../query-view';
import { useApi, type Query } from '../../lib/use-api';
import { useCampaignResults } from '../../lib/use-campaign-results';
import { CampaignResultsTable } from '.';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** The campaign results panel: every campaign measured against its holdout. */
export function CampaignResultsPanel({ campaigns }: { campaigns?: Query<Campaign[]> }) {
  const { t } = useT();
  const own = useApi(ROUTES.campaigns.list, { skip: !!campaigns });
  const results = useCampaignResults(campaigns ?? own);
  return (
    <Panel title={t('campaignResults.panelTitle')} flush testId="campaign-results">
      <QueryView query={results} what={t('campaignResults.what')}>
        {({ rows, failed }) => (
          <>
            {rows.length === 0 && failed.length === 0 && <EmptyState title={t('campaignResults.emptyTitle')}>{t('campaignResults.emptyText')}</EmptyState>}
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
              <p class={style.footnote}>{t('campaignResults.footnote')}</p>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
