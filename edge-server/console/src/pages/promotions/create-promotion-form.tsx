import { useState } from 'preact/hooks';
import { ROUTES, type CreatePromotionRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { ProductMultiPicker } from '../../components/product-picker';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { addDays, DISCOUNT_KIND_CHOICES, discountKindLabel, todayLocal } from '../../lib/forms';
import { buildPromotionRequest, type PromotionForm } from '../../lib/promotions';
import { EMPTY_RULE, type RuleForm } from '../../lib/promotion-rules';
import { MechanicPicker, RuleFields } from './rule-fields';
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
  const { t, fmt } = useT();
  const [f, setF] = useState<PromotionForm>({ ...EMPTY, startsOn: todayLocal(), endsOn: addDays(todayLocal(), 13) });
  const [problems, setProblems] = useState<string[]>([]);
  const create = useAction((body: CreatePromotionRequest) => api.call(ROUTES.promotions.create, { body }));
  const campaigns = useApi(ROUTES.campaigns.list);
  const rule = f.rule ?? EMPTY_RULE;
  const setRule = (r: RuleForm) => setF({ ...f, rule: r });
  const set = <K extends keyof PromotionForm>(k: K) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value as PromotionForm[K] });

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
        <label class={`field ${style.span2}`}>
          <span>{t('promotions.name')}</span>
          <input class="input" value={f.name} maxLength={120} onInput={set('name')} data-testid="promotion-name" />
        </label>
        <MechanicPicker rule={rule} onChange={setRule} />
        {rule.mechanic === 'simple' && (<>
        <label class="field">
          <span>{t('promotions.discount')}</span>
          <select class="select" value={f.discountType} onChange={set('discountType')} data-testid="promotion-discount-type">
            {DISCOUNT_KIND_CHOICES.map((k) => (
              <option key={k} value={k}>
                {discountKindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{f.discountType === 'percent' ? t('promotions.percent') : f.discountType === 'points' ? t('promotions.points') : t('promotions.amount', { currency: fmt.currency })}</span>
          <input class="input" inputMode="decimal" value={f.discountValue} onInput={set('discountValue')} data-testid="promotion-discount-value" />
        </label>
        </>)}
        <RuleFields rule={rule} onChange={setRule} />
        <label class="field">
          <span>{t('promotions.appliesTo')}</span>
          <select class="select" value={f.scope} onChange={set('scope')} data-testid="promotion-scope">
            <option value="basket">{t('promotionText.wholeBasket')}</option>
            <option value="product">{t('promotions.scopeProducts')}</option>
            <option value="category">{t('promotions.scopeCategories')}</option>
          </select>
        </label>
        {f.scope === 'product' && (
          <div class={style.span3}>
            <ProductMultiPicker
              ids={f.targets.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)}
              onChange={(ids) => setF({ ...f, targets: ids.join(', ') })}
              testId="promotion-targets"
            />
          </div>
        )}
        {f.scope === 'category' && (
          <label class={`field ${style.span3}`}>
            <span>{t('promotions.categoriesList')}</span>
            <input class="input" value={f.targets} onInput={set('targets')} data-testid="promotion-targets" />
          </label>
        )}
        <label class="field">
          <span>{t('promotions.who')}</span>
          <select class="select" value={f.audience} onChange={set('audience')} data-testid="promotion-audience">
            <option value="all">{t('promotionText.everyone')}</option>
            <option value="segment">{t('promotions.aSegment')}</option>
            <option value="grant">{t('promotions.codeHolders')}</option>
          </select>
        </label>
        {f.audience === 'segment' && (
          <label class="field">
            <span>{t('promotions.segmentName')}</span>
            <input class="input" value={f.segment} onInput={set('segment')} placeholder="rfm-at_risk" data-testid="promotion-segment" />
            <small class={style.hint}>{t('promotions.segmentHint')}</small>
          </label>
        )}
        <label class="field">
          <span>{t('promotions.firstDay')}</span>
          <input class="input" type="date" value={f.startsOn} onInput={set('startsOn')} data-testid="promotion-starts" />
        </label>
        <label class="field">
          <span>{t('promotions.lastDay')}</span>
          <input class="input" type="date" value={f.endsOn} onInput={set('endsOn')} data-testid="promotion-ends" />
        </label>
        <label class="field">
          <span>{t('promotions.stacking')}</span>
          <select class="select" value={f.stacking} onChange={set('stacking')} data-testid="promotion-stacking">
            <option value="exclusive">{t('promotions.exclusive')}</option>
            <option value="stackable">{t('promotions.stackableOption')}</option>
            <option value="best_of">{t('promotionRules.bestOfOption')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('promotions.minBasket', { currency: fmt.currency })}</span>
          <input class="input" inputMode="decimal" value={f.minBasket} onInput={set('minBasket')} />
        </label>
        <label class="field">
          <span>{t('promotions.totalUses')}</span>
          <input class="input" inputMode="numeric" value={f.maxUses} onInput={set('maxUses')} />
        </label>
        <label class="field">
          <span>{t('promotions.usesPerCustomer')}</span>
          <input class="input" inputMode="numeric" value={f.maxUsesPerCustomer} onInput={set('maxUsesPerCustomer')} />
        </label>
        <label class="field">
          <span>{t('promotions.budget', { currency: fmt.currency })}</span>
          <input class="input" inputMode="decimal" value={f.budget} onInput={set('budget')} />
        </label>
        <label class="field">
          <span>{t('promotions.campaign')}</span>
          <select class="select" value={f.campaignId} onChange={set('campaignId')} data-testid="promotion-campaign">
            <option value="">{t('promotions.noCampaign')}</option>
            {(campaigns.data ?? [])
              .filter((c) => c.status !== 'ended')
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
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
