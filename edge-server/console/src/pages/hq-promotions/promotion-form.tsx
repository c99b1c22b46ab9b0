import { useState } from 'preact/hooks';
import { ROUTES, type Publication, type PublishPromotionRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { StoreTargetPicker } from '../../components/store-target';
import { describeError } from '../../lib/api-error';
import { DISCOUNT_KIND_CHOICES, discountKindLabel } from '../../lib/forms';
import type { PromotionForm as Fields } from '../../lib/promotions';
import { EMPTY_RULE, type RuleForm } from '../../lib/promotion-rules';
import { useApi, type Action } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
// The store console's mechanic fields (3 for 2, bundle, tiers…, time window, days, exclusions): one editor for both.
import { MechanicPicker, RuleFields } from '../promotions/rule-fields';
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
  const { t, fmt } = useT();
  const [d, setD] = useState<PromotionDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const campaigns = useApi(ROUTES.headOffice.publishedCampaigns);
  const f = d.form;
  const rule = f.rule ?? EMPTY_RULE;
  const setForm = (patch: Partial<Fields>) => setD({ ...d, form: { ...f, ...patch } });
  const set = <K extends keyof Fields>(k: K) => (e: { currentTarget: { value: string } }) => setForm({ [k]: e.currentTarget.value } as Partial<Fields>);
  const setRule = (r: RuleForm) => setForm({ rule: r });

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
        <label class={`field ${style.span2}`}>
          <span>{t('promotions.name')}</span>
          <input class="input" value={f.name} maxLength={120} onInput={set('name')} data-testid="hq-promotion-name" />
        </label>
        <MechanicPicker rule={rule} onChange={setRule} />
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
        {rule.mechanic === 'simple' && (
          <>
            <label class="field">
              <span>{t('promotions.discount')}</span>
              <select class="select" value={f.discountType} onChange={set('discountType')} data-testid="hq-promotion-discount-type">
                {DISCOUNT_KIND_CHOICES.map((k) => (
                  <option key={k} value={k}>
                    {discountKindLabel(k)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{f.discountType === 'percent' ? t('promotions.percent') : f.discountType === 'points' ? t('promotions.points') : t('promotions.amount', { currency: fmt.currency })}</span>
              <input class="input" inputMode="decimal" value={f.discountValue} onInput={set('discountValue')} data-testid="hq-promotion-discount-value" />
            </label>
          </>
        )}
        <RuleFields rule={rule} onChange={setRule} />
        <label class="field">
          <span>{t('promotions.appliesTo')}</span>
          <select class="select" value={f.scope} onChange={set('scope')} data-testid="hq-promotion-scope">
            <option value="basket">{t('promotionText.wholeBasket')}</option>
            <option value="product">{t('promotions.scopeProducts')}</option>
            <option value="category">{t('promotions.scopeCategories')}</option>
          </select>
        </label>
        {f.scope !== 'basket' && (
          <label class={`field ${style.span2}`}>
            <span>{f.scope === 'product' ? t('hqPromotions.productIds') : t('promotions.categoriesList')}</span>
            <input class="input" value={f.targets} onInput={set('targets')} data-testid="hq-promotion-targets" />
          </label>
        )}
        <label class="field">
          <span>{t('promotions.who')}</span>
          <select class="select" value={f.audience} onChange={set('audience')} data-testid="hq-promotion-audience">
            <option value="all">{t('promotionText.everyone')}</option>
            <option value="segment">{t('promotions.aSegment')}</option>
            <option value="grant">{t('promotions.codeHolders')}</option>
          </select>
        </label>
        {f.audience === 'segment' && (
          <label class="field">
            <span>{t('promotions.segmentName')}</span>
            <input class="input" value={f.segment} onInput={set('segment')} placeholder="rfm-at_risk" data-testid="hq-promotion-segment" />
          </label>
        )}
        <label class="field">
          <span>{t('promotions.firstDay')}</span>
          <input class="input" type="date" value={f.startsOn} onInput={set('startsOn')} data-testid="hq-promotion-starts" />
        </label>
        <label class="field">
          <span>{t('promotions.lastDay')}</span>
          <input class="input" type="date" value={f.endsOn} onInput={set('endsOn')} data-testid="hq-promotion-ends" />
        </label>
        <label class="field">
          <span>{t('promotions.stacking')}</span>
          <select class="select" value={f.stacking} onChange={set('stacking')} data-testid="hq-promotion-stacking">
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
          <select class="select" value={f.campaignId} onChange={set('campaignId')} data-testid="hq-promotion-campaign">
            <option value="">{t('promotions.noCampaign')}</option>
            {(campaigns.data ?? []).map((c) => (
              <option key={c.payload.campaign.id} value={c.payload.campaign.id}>
                {c.payload.campaign.name}
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
