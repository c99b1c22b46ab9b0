import { useState } from 'preact/hooks';
import { ROUTES, type Publication, type PublishPromotionRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { StoreTargetPicker } from '../../components/store-target';
import { describeError } from '../../lib/api-error';
import type { PromotionForm as Fields } from '../../lib/promotions';
import { useApi, type Action } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
// The store console's promotion fields (mechanics, time window, days, limits): one editor for both.
import { PromotionFields } from '../../components/promotion-fields';
import { PROMOTION_STATUSES, buildPromotionPublish, type PromotionDraft } from './promotion-draft';
import style from './style.module.css';

/**
 * A chain promotion to publish: new, or the last published version being edited. The fields
 * are the store console's promotion form (head office has no catalogue, so products are typed as
 * ids, comma separated); publishing sends the whole definition and status as the next version.
 */
export function PromotionForm({ initial, publish, onPublished, onCancel }: {
  initial: PromotionDraft;
  publish: Action<[PublishPromotionRequest], Publication>;
  onPublished: (p: Publication) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [d, setD] = useState<PromotionDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const campaigns = useApi(ROUTES.headOffice.publishedCampaigns);
  const f = d.form;
  const setForm = (patch: Partial<Fields>) => setD({ ...d, form: { ...f, ...patch } });

  async function submit(e: Event) {
    e.preventDefault();
    const { request, problems: found } = buildPromotionPublish(d);
    setProblems(found);
    if (!request) return;
    const p = await publish.run(request);
    if (p) onPublished(p);
  }

  return (
    <Panel title={d.id ? t('hqPromotions.editTitle', { name: initial.form.name, version: d.version }) : t('hqPromotions.newTitle')} testId="hq-promotion-form">
      <form class={style.grid} onSubmit={submit} noValidate>
        <PromotionFields
          form={f}
          onChange={setForm}
          campaigns={(campaigns.data ?? []).map((c) => c.payload.campaign)}
          products="ids"
          testIdPrefix="hq-promotion"
        />
        <label class="field">
          <span>{t('hqCampaigns.status')}</span>
          <select class="select" value={d.status} onChange={(e) => setD({ ...d, status: e.currentTarget.value as PromotionDraft['status'] })} data-testid="hq-promotion-status">
            {PROMOTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div class={style.full}>
          <StoreTargetPicker value={d.target} onChange={(target) => setD({ ...d, target })} testId="hq-promotion-target" />
        </div>
        <div class={style.formActions}>
          <button type="button" class="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={publish.pending} data-testid="hq-promotion-publish">
            {publish.pending ? t('hqCampaigns.publishing') : d.id ? t('hqCampaigns.publishVersion', { version: d.version + 1 }) : t('hqCampaigns.publish')}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert" data-testid="hq-promotion-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {publish.error && (
        <p class={style.error} role="alert" data-testid="hq-promotion-error">
          {describeError(publish.error)}
        </p>
      )}
    </Panel>
  );
}
