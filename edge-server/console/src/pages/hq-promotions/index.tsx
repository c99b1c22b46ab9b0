import { useState } from 'preact/hooks';
import type { PublishedPromotion } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { targetLabel } from '../../components/store-target';
import { formatDateTime } from '../../lib/format';
import { todayLocal } from '../../lib/forms';
import { describeAudience, describeDiscount, describeTarget } from '../../lib/promotions';
import { can } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import { useHqPromotions } from '../../lib/use-hq-publish';
import { useT } from '../../lib/use-t';
import { PublicationsTable } from '../hq-campaigns/publications-table';
import { PromotionForm } from './promotion-form';
import { draftOfPublished, newPromotionDraft, type PromotionDraft } from './promotion-draft';
import style from './style.module.css';

const STATUS_TONE = { live: 'ok', paused: 'warn', ended: 'neutral' } as const;

/** Head office's chain promotions: each at its last published version (edit → next version), a new one, and what was published. */
export default function HqPromotionsPage() {
  const { t } = useT();
  const { user } = useAuth();
  const mayPublish = can(user?.role, 'campaigns.edit');
  const hq = useHqPromotions();
  const [editing, setEditing] = useState<{ key: string; draft: PromotionDraft } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = (draft: PromotionDraft) => { hq.publish.reset(); setDone(null); setEditing({ key: `${draft.id ?? 'new'}:${Date.now()}`, draft }); };

  return (
    <>
      <PageHeader
        title={t('nav.hq-promotions')}
        description={t('hqPromotions.description')}
        actions={mayPublish && !editing && (
          <button type="button" class="btn btn-primary" onClick={() => open(newPromotionDraft(todayLocal()))} data-testid="hq-promotion-new">
            {t('hqPromotions.new')}
          </button>
        )}
      />
      {done && <p class={style.ok} role="status" data-testid="hq-promotion-done">{done}</p>}
      {editing && (
        <PromotionForm
          key={editing.key}
          initial={editing.draft}
          publish={hq.publish}
          onCancel={() => setEditing(null)}
          onPublished={(p) => { setEditing(null); setDone(t('hqCampaigns.published', { version: p.version, stores: p.storeIds.join(', ') })); }}
        />
      )}
      <Panel title={t('hqPromotions.list')} testId="hq-promotions">
        <QueryView query={hq.published} what={t('hqPromotions.list')}>
          {(list) => (list.length === 0 ? <EmptyState title={t('hqPromotions.none')} /> : <PromotionTable list={list} onEdit={mayPublish ? (p) => open(draftOfPublished(p)) : null} />)}
        </QueryView>
      </Panel>
      <Panel title={t('chain.publications')} testId="hq-promotion-publications">
        <QueryView query={hq.history} what={t('chain.publications')}>
          {(list) => <PublicationsTable list={list} kinds={['promotions']} testId="hq-publications" />}
        </QueryView>
      </Panel>
    </>
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
              <td>
                <span class={style.nowrap}>v{p.publication.version} · {formatDateTime(p.publication.publishedAt)}</span>
                <br />
                <span class="muted">{p.publication.publishedBy}</span>
              </td>
              {onEdit && (
                <td>
                  <button type="button" class="btn btn-small" onClick={() => onEdit(p)} data-testid={`hq-promotion-${id}-edit`}>
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
