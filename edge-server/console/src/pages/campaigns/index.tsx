import { useState } from 'preact/hooks';
import { ROUTES, type CampaignStatus } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { CampaignResultsPanel } from '../../components/campaign-results/panel';
import { api } from '../../lib/api';
import { can } from '../../lib/roles';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { CampaignRow } from './campaign-row';
import { CreateCampaignForm } from './create-campaign-form';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';

/** Campaigns with their holdout share; marketers and admins create them, attach offers and change status. */
export default function CampaignsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'campaigns.edit');
  const campaigns = useApi(ROUTES.campaigns.list);
  const [offerFor, setOfferFor] = useState<string | null>(null);
  const setStatus = useAction((id: string, status: CampaignStatus) => api.call(ROUTES.campaigns.setStatus, { params: { id }, body: { status } }));

  async function changeStatus(id: string, status: CampaignStatus) {
    if (await setStatus.run(id, status)) campaigns.reload();
  }

  return (
    <>
      <PageHeader
        title={routeTitle({ id: 'campaigns', title: 'Campaigns' }, t)}
        description={t('campaigns.description')}
      />
      {editable && <CreateCampaignForm onCreated={campaigns.reload} />}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
      <Panel title={t('campaigns.all')} flush>
        <QueryView query={campaigns} what={t('campaigns.what')}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('campaigns.emptyTitle')}>{editable ? t('campaigns.emptyEditor') : t('campaigns.emptyViewer')}</EmptyState>
            ) : (
              <table class="table" data-testid="campaign-list-table">
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.campaign')}</th>
                    <th scope="col">{t('campaigns.period')}</th>
                    <th scope="col">{t('campaigns.status')}</th>
                    <th scope="col" class="num">
                      {t('campaigns.holdout')}
                    </th>
                    <th scope="col">{t('campaigns.personalOffers')}</th>
                    {editable && (
                      <th scope="col">
                        <span class="visually-hidden">{t('campaigns.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <CampaignRow
                      key={c.id}
                      campaign={c}
                      editable={editable}
                      offerOpen={offerFor === c.id}
                      busy={setStatus.pending}
                      onToggleOffer={() => setOfferFor(offerFor === c.id ? null : c.id)}
                      onStatus={(s) => void changeStatus(c.id, s)}
                    />
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Panel>
      {can(user?.role, 'analytics.view') && <CampaignResultsPanel campaigns={campaigns} />}
    </>
  );
}
