import type { PublishedCampaign } from '@vitrina/contracts';
import { EditCell, HqPublishPage, LastPublishedCell } from '../../components/hq-publish-page';
import { StatusChip } from '../../components/status-chip';
import { targetLabel } from '../../components/store-target';
import { todayLocal } from '../../lib/forms';
import { useHqCampaigns } from '../../lib/use-hq-publish';
import { useT } from '../../lib/use-t';
import { draftOfPublished, newCampaignDraft } from './campaign-draft';
import { CampaignForm } from './campaign-form';
import style from './style.module.css';

const STATUS_TONE = { live: 'ok', paused: 'warn', draft: 'neutral', ended: 'neutral' } as const;

/**
 * Head office's chain campaigns: every campaign at its last published version (edit → publish
 * the next version), a form for a new one with the stores it goes to, and what was published.
 */
export default function HqCampaignsPage() {
  const { t } = useT();
  const hq = useHqCampaigns();
  return (
    <HqPublishPage
      kind="campaigns"
      testIdPrefix="hq-campaign"
      words={{ title: t('nav.hq-campaigns'), description: t('hqCampaigns.description'), new: t('hqCampaigns.new'), list: t('hqCampaigns.list'), none: t('hqCampaigns.none') }}
      published={hq.published}
      history={hq.history}
      resetPublish={hq.publish.reset}
      newDraft={() => newCampaignDraft(todayLocal())}
      draftOf={draftOfPublished}
      form={(slot) => <CampaignForm {...slot} publish={hq.publish} />}
      table={(list, onEdit) => <CampaignTable list={list} onEdit={onEdit} />}
    />
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
              <LastPublishedCell publication={c.publication} />
              {onEdit && <EditCell onEdit={() => onEdit(c)} testId={`hq-campaign-${campaign.id}-edit`} />}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
