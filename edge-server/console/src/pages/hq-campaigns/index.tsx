import { useState } from 'preact/hooks';
import type { PublishedCampaign } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { targetLabel } from '../../components/store-target';
import { formatDateTime } from '../../lib/format';
import { todayLocal } from '../../lib/forms';
import { can } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import { useHqCampaigns } from '../../lib/use-hq-publish';
import { useT } from '../../lib/use-t';
import { draftOfPublished, newCampaignDraft, type CampaignDraft } from './campaign-draft';
import { CampaignForm } from './campaign-form';
import { PublicationsTable } from './publications-table';
import style from './style.module.css';

const STATUS_TONE = { live: 'ok', paused: 'warn', draft: 'neutral', ended: 'neutral' } as const;

/**
 * Head office's chain campaigns: every campaign at its last published version (edit → publish
 * the next version), a form for a new one with the stores it goes to, and what was published.
 */
export default function HqCampaignsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const mayPublish = can(user?.role, 'campaigns.edit');
  const hq = useHqCampaigns();
  // A key per opened form, so opening another campaign starts a fresh form.
  const [editing, setEditing] = useState<{ key: string; draft: CampaignDraft } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = (draft: CampaignDraft) => { hq.publish.reset(); setDone(null); setEditing({ key: `${draft.id ?? 'new'}:${Date.now()}`, draft }); };

  return (
    <>
      <PageHeader
        title={t('nav.hq-campaigns')}
        description={t('hqCampaigns.description')}
        actions={mayPublish && !editing && (
          <button type="button" class="btn btn-primary" onClick={() => open(newCampaignDraft(todayLocal()))} data-testid="hq-campaign-new">
            {t('hqCampaigns.new')}
          </button>
        )}
      />
      {done && <p class={style.ok} role="status" data-testid="hq-campaign-done">{done}</p>}
      {editing && (
        <CampaignForm
          key={editing.key}
          initial={editing.draft}
          publish={hq.publish}
          onCancel={() => setEditing(null)}
          onPublished={(p) => { setEditing(null); setDone(t('hqCampaigns.published', { version: p.version, stores: p.storeIds.join(', ') })); }}
        />
      )}
      <Panel title={t('hqCampaigns.list')} testId="hq-campaigns">
        <QueryView query={hq.published} what={t('hqCampaigns.list')}>
          {(list) => (list.length === 0 ? <EmptyState title={t('hqCampaigns.none')} /> : <CampaignTable list={list} onEdit={mayPublish ? (c) => open(draftOfPublished(c)) : null} />)}
        </QueryView>
      </Panel>
      <Panel title={t('chain.publications')} testId="hq-campaign-publications">
        <QueryView query={hq.history} what={t('chain.publications')}>
          {(list) => <PublicationsTable list={list} kinds={['campaigns']} testId="hq-publications" />}
        </QueryView>
      </Panel>
    </>
  );
}

function CampaignTable({ list, onEdit }: { list: PublishedCampaign[]; onEdit: ((c: PublishedCampaign) => void) | null }) {
  const { t } = useT();
  return (
    <table class="table">
      <thead>
        <tr>
          <th>{t('campaigns.name')}</th>
          <th>{t('hqCampaigns.window')}</th>
          <th>{t('campaigns.holdoutPct')}</th>
          <th>{t('hqCampaigns.status')}</th>
          <th>{t('hqCampaigns.offers')}</th>
          <th>{t('hqCampaigns.target')}</th>
          <th>{t('hqCampaigns.lastPublished')}</th>
          {onEdit && <th aria-label={t('hqCampaigns.edit')} />}
        </tr>
      </thead>
      <tbody>
        {list.map((c) => {
          const { campaign } = c.payload;
          return (
            <tr key={campaign.id} data-testid={`hq-campaign-${campaign.id}`}>
              <td>
                <span class={style.name}>{campaign.name}</span> <span class="muted">{campaign.id}</span>
              </td>
              <td>{campaign.startsOn} – {campaign.endsOn}</td>
              <td>{campaign.holdoutPct}%</td>
              <td>
                <StatusChip tone={STATUS_TONE[campaign.status as keyof typeof STATUS_TONE] ?? 'neutral'}>{t(`statuses.${campaign.status}`, { defaultValue: campaign.status })}</StatusChip>
              </td>
              <td>{(c.payload.offers ?? []).map((o) => o.title).join(', ') || '—'}</td>
              <td data-testid={`hq-campaign-${campaign.id}-target`}>{targetLabel(c.publication.target, t)}</td>
              <td>
                <span class={style.nowrap}>v{c.publication.version} · {formatDateTime(c.publication.publishedAt)}</span>
                <br />
                <span class="muted">{c.publication.publishedBy}</span>
              </td>
              {onEdit && (
                <td>
                  <button type="button" class="btn btn-small" onClick={() => onEdit(c)} data-testid={`hq-campaign-${campaign.id}-edit`}>
                    {t('hqCampaigns.edit')}
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
