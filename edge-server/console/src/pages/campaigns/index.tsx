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

/** Campaigns with their holdout share; marketers and admins create them, attach offers and change status. */
export default function CampaignsPage() {
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
        title="Campaigns"
        description="A campaign assigns each customer once to treatment or control by its holdout share; control customers get none of its offers, so its effect can be measured."
      />
      {editable && <CreateCampaignForm onCreated={campaigns.reload} />}
      {setStatus.error && <ErrorNotice error={setStatus.error} />}
      <Panel title="All campaigns" flush>
        <QueryView query={campaigns} what="campaigns">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No campaigns yet">{editable ? 'Create one above.' : 'Marketers create campaigns.'}</EmptyState>
            ) : (
              <table class="table" data-testid="campaign-list-table">
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col">Period</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Holdout
                    </th>
                    <th scope="col">Personal offers</th>
                    {editable && (
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
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
