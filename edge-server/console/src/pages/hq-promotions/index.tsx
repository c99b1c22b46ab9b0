import type { PublishedPromotion } from '@vitrina/contracts';
import { EditCell, HqPublishPage, LastPublishedCell } from '../../components/hq-publish-page';
import { StatusChip } from '../../components/status-chip';
import { targetLabel } from '../../components/store-target';
import { todayLocal } from '../../lib/forms';
import { describeAudience, describeDiscount, describeTarget } from '../../lib/promotions';
import { useHqPromotions } from '../../lib/use-hq-publish';
import { useT } from '../../lib/use-t';
import { PromotionForm } from './promotion-form';
import { draftOfPublished, newPromotionDraft } from './promotion-draft';
import style from './style.module.css';

const STATUS_TONE = { live: 'ok', paused: 'warn', ended: 'neutral' } as const;

/** Head office's chain promotions: each at its last published version (edit → next version), a new one, and what was published. */
export default function HqPromotionsPage() {
  const { t } = useT();
  const hq = useHqPromotions();
  return (
    <HqPublishPage
      kind="promotions"
      testIdPrefix="hq-promotion"
      words={{ title: t('nav.hq-promotions'), description: t('hqPromotions.description'), new: t('hqPromotions.new'), list: t('hqPromotions.list'), none: t('hqPromotions.none') }}
      published={hq.published}
      history={hq.history}
      resetPublish={hq.publish.reset}
      newDraft={() => newPromotionDraft(todayLocal())}
      draftOf={draftOfPublished}
      form={(slot) => <PromotionForm {...slot} publish={hq.publish} />}
      table={(list, onEdit) => <PromotionTable list={list} onEdit={onEdit} />}
    />
  );
}

function PromotionTable({ list, onEdit }: { list: PublishedPromotion[]; onEdit: ((p: PublishedPromotion) => void) | null }) {
  const { t } = useT();
  return (
    <table class="table">
      <thead>
        <tr>
          <th>{t('promotions.name')}</th>
          <th>{t('promotions.discount')}</th>
          <th>{t('promotions.appliesTo')}</th>
          <th>{t('promotions.who')}</th>
          <th>{t('hqCampaigns.window')}</th>
          <th>{t('hqCampaigns.status')}</th>
          <th>{t('hqCampaigns.target')}</th>
          <th>{t('hqCampaigns.lastPublished')}</th>
          {onEdit && <th aria-label={t('hqCampaigns.edit')} />}
        </tr>
      </thead>
      <tbody>
        {list.map((p) => {
          const { promotionId: id, definition: def, status } = p.payload;
          return (
            <tr key={id} data-testid={`hq-promotion-${id}`}>
              <td>
                <span class={style.name}>{def.name}</span> <span class="muted">{id}</span>
              </td>
              <td>{describeDiscount(def.discount, def.rule)}</td>
              <td>{describeTarget(def.target)}</td>
              <td>{describeAudience(def.audience)}</td>
              <td>{def.conditions.startsOn} – {def.conditions.endsOn}</td>
              <td>
                <StatusChip tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? 'neutral'}>{t(`statuses.${status}`, { defaultValue: status })}</StatusChip>
              </td>
              <td>{targetLabel(p.publication.target, t)}</td>
              <LastPublishedCell publication={p.publication} />
              {onEdit && <EditCell onEdit={() => onEdit(p)} testId={`hq-promotion-${id}-edit`} />}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
