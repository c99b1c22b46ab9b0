import { ProductMultiPicker } from '../product-picker';
import { DiscountFields } from '../discount-fields';
import type { PromotionForm } from '../../lib/promotions';
import { EMPTY_RULE, type RuleForm } from '../../lib/promotion-rules';
import { useT } from '../../lib/use-t';
import { MechanicPicker, RuleFields } from './rule-fields';
import style from './style.module.css';

export interface CampaignChoice {
  id: string;
  name: string;
}

/**
 * The fields of a promotion — mechanic and its rule, discount, what it applies to, who gets it,
 * when, stacking, limits, campaign — for the store's "new promotion" form and head office's
 * publish form alike. Render them inside a 4-column grid form. Products come from the store's
 * catalogue (`products: 'catalogue'`) or, at head office, which holds no catalogue, as typed ids.
 * Test ids are `<testIdPrefix>-name`, `-scope`, `-targets`, … so each form keeps its own.
 */
export function PromotionFields({ form: f, onChange, campaigns, products, testIdPrefix: p }: {
  form: PromotionForm;
  onChange: (patch: Partial<PromotionForm>) => void;
  campaigns: readonly CampaignChoice[];
  products: 'catalogue' | 'ids';
  testIdPrefix: string;
}) {
  const { t, fmt } = useT();
  const rule = f.rule ?? EMPTY_RULE;
  const setRule = (r: RuleForm) => onChange({ rule: r });
  const set = <K extends keyof PromotionForm>(k: K) => (e: { currentTarget: { value: string } }) => onChange({ [k]: e.currentTarget.value } as Partial<PromotionForm>);

  return (
    <>
      <label class={`field ${style.span2}`}>
        <span>{t('promotions.name')}</span>
        <input class="input" value={f.name} maxLength={120} onInput={set('name')} data-testid={`${p}-name`} />
      </label>
      <MechanicPicker rule={rule} onChange={setRule} />
      {rule.mechanic === 'simple' && (
        <>
          <DiscountFields
            label={t('promotions.discount')}
            kind={f.discountType}
            value={f.discountValue}
            onKind={(discountType) => onChange({ discountType })}
            onValue={(discountValue) => onChange({ discountValue })}
            testIds={{ kind: `${p}-discount-type`, value: `${p}-discount-value` }}
          />
        </>
      )}
      <RuleFields rule={rule} onChange={setRule} />
      <label class="field">
        <span>{t('promotions.appliesTo')}</span>
        <select class="select" value={f.scope} onChange={set('scope')} data-testid={`${p}-scope`}>
          <option value="basket">{t('promotionText.wholeBasket')}</option>
          <option value="product">{t('promotions.scopeProducts')}</option>
          <option value="category">{t('promotions.scopeCategories')}</option>
        </select>
      </label>
      {f.scope === 'product' && products === 'catalogue' && (
        <div class={style.wide}>
          <ProductMultiPicker
            ids={f.targets.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)}
            onChange={(ids) => onChange({ targets: ids.join(', ') })}
            testId={`${p}-targets`}
          />
        </div>
      )}
      {(f.scope === 'category' || (f.scope === 'product' && products === 'ids')) && (
        <label class={`field ${style.wide}`}>
          <span>{f.scope === 'product' ? t('hqPromotions.productIds') : t('promotions.categoriesList')}</span>
          <input class="input" value={f.targets} onInput={set('targets')} data-testid={`${p}-targets`} />
        </label>
      )}
      <label class="field">
        <span>{t('promotions.who')}</span>
        <select class="select" value={f.audience} onChange={set('audience')} data-testid={`${p}-audience`}>
          <option value="all">{t('promotionText.everyone')}</option>
          <option value="segment">{t('promotions.aSegment')}</option>
          <option value="grant">{t('promotions.codeHolders')}</option>
        </select>
      </label>
      {f.audience === 'segment' && (
        <label class="field">
          <span>{t('promotions.segmentName')}</span>
          <input class="input" value={f.segment} onInput={set('segment')} placeholder="rfm-at_risk" data-testid={`${p}-segment`} />
          <small class={style.hint}>{t('promotions.segmentHint')}</small>
        </label>
      )}
      <label class="field">
        <span>{t('promotions.firstDay')}</span>
        <input class="input" type="date" value={f.startsOn} onInput={set('startsOn')} data-testid={`${p}-starts`} />
      </label>
      <label class="field">
        <span>{t('promotions.lastDay')}</span>
        <input class="input" type="date" value={f.endsOn} onInput={set('endsOn')} data-testid={`${p}-ends`} />
      </label>
      <label class="field">
        <span>{t('promotions.stacking')}</span>
        <select class="select" value={f.stacking} onChange={set('stacking')} data-testid={`${p}-stacking`}>
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
        <select class="select" value={f.campaignId} onChange={set('campaignId')} data-testid={`${p}-campaign`}>
          <option value="">{t('promotions.noCampaign')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
