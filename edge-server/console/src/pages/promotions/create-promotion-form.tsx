import { useState } from 'preact/hooks';
import { ROUTES, type CreatePromotionRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { PromotionFields } from '../../components/promotion-fields';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { addDays, todayLocal } from '../../lib/forms';
import { buildPromotionRequest, type PromotionForm } from '../../lib/promotions';
import { EMPTY_RULE } from '../../lib/promotion-rules';
import { useAction, useApi } from '../../lib/use-api';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

const EMPTY: PromotionForm = {
  name: '',
  discountType: 'percent',
  discountValue: '10',
  scope: 'basket',
  targets: '',
  audience: 'all',
  segment: '',
  startsOn: todayLocal(),
  endsOn: addDays(todayLocal(), 13),
  stacking: 'exclusive',
  minBasket: '',
  maxUses: '',
  maxUsesPerCustomer: '',
  budget: '',
  campaignId: '',
  rule: EMPTY_RULE,
};

/** The promotion builder: discount, what it applies to, who gets it, when, and its limits. */
export function CreatePromotionForm({ onCreated, onCancel }: { onCreated: () => void; onCancel: () => void }) {
  const { t } = useT();
  const [f, setF] = useState<PromotionForm>({ ...EMPTY, startsOn: todayLocal(), endsOn: addDays(todayLocal(), 13) });
  const [problems, setProblems] = useState<string[]>([]);
  const create = useAction((body: CreatePromotionRequest) => api.call(ROUTES.promotions.create, { body }));
  const campaigns = useApi(ROUTES.campaigns.list);

  async function submit(e: Event) {
    e.preventDefault();
    const { request, problems: found } = buildPromotionRequest(f);
    setProblems(found);
    if (!request) return;
    if (await create.run(request)) onCreated();
  }

  return (
    <Panel title={t('promotions.new')}>
      <form class={style.grid} onSubmit={submit} noValidate data-testid="create-promotion-form">
        <PromotionFields
          form={f}
          onChange={(patch) => setF({ ...f, ...patch })}
          campaigns={(campaigns.data ?? []).filter((c) => c.status !== 'ended')}
          products="catalogue"
          testIdPrefix="promotion"
        />
        <div class={style.formActions}>
          <button type="button" class="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={create.pending} data-testid="promotion-submit">
            {create.pending ? t('promotions.creating') : t('promotions.create')}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert" data-testid="promotion-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {create.error && (
        <p class={style.error} role="alert" data-testid="promotion-error">
          {describeError(create.error)}
        </p>
      )}
    </Panel>
  );
}
