import { MECHANICS, type Mechanic, type RuleForm } from '../../lib/promotion-rules';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * The mechanic of a promotion (flat discount, 3 for 2, buy X get Y, gift, cheapest, bundle,
 * spend tiers, cumulative, next-order coupon) with the fields of the one chosen, plus the
 * time window, days of week and excluded products any promotion may have.
 */
export function MechanicPicker({ rule, onChange }: { rule: RuleForm; onChange: (r: RuleForm) => void }) {
  const { t } = useT();
  return (
    <label class="field">
      <span>{t('promotionRules.mechanic')}</span>
      <select class="select" value={rule.mechanic} onChange={(e) => onChange({ ...rule, mechanic: e.currentTarget.value as Mechanic })} data-testid="promotion-mechanic">
        {MECHANICS.map((m) => (
          <option key={m} value={m}>
            {t(`promotionRules.kinds.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RuleFields({ rule, onChange }: { rule: RuleForm; onChange: (r: RuleForm) => void }) {
  const { t, fmt } = useT();
  const field = (key: keyof RuleForm, label: string, opts: { numeric?: boolean; wide?: boolean; placeholder?: string } = {}) => (
    <label class={`field ${opts.wide ? style.span2 : ''}`}>
      <span>{label}</span>
      <input
        class="input"
        inputMode={opts.numeric ? 'decimal' : undefined}
        value={rule[key] as string}
        placeholder={opts.placeholder}
        onInput={(e) => onChange({ ...rule, [key]: e.currentTarget.value })}
        data-testid={`rule-${key}`}
      />
    </label>
  );
  const money = t('promotionRules.fields.money', { currency: fmt.currency });
  return (
    <>
      {rule.mechanic === 'n_for_m' && (
        <>
          {field('buy', t('promotionRules.fields.buy'), { numeric: true })}
          {field('pay', t('promotionRules.fields.pay'), { numeric: true })}
        </>
      )}
      {rule.mechanic === 'buy_x_get_y' && (
        <>
          {field('buyProducts', t('promotionRules.fields.buyProducts'), { wide: true, placeholder: 'p-coffee' })}
          {field('buyQuantity', t('promotionRules.fields.buyQuantity'), { numeric: true })}
          {field('getProducts', t('promotionRules.fields.getProducts'), { wide: true, placeholder: 'p-cup' })}
          {field('getQuantity', t('promotionRules.fields.getQuantity'), { numeric: true })}
          {field('percent', t('promotionRules.fields.percent'), { numeric: true })}
        </>
      )}
      {rule.mechanic === 'gift' && (
        <>
          {field('giftProduct', t('promotionRules.fields.giftProduct'))}
          {field('giftMinBasket', `${t('promotionRules.fields.giftMinBasket')} (${money})`, { numeric: true })}
        </>
      )}
      {rule.mechanic === 'cheapest' && (
        <>
          {field('setSize', t('promotionRules.fields.setSize'), { numeric: true })}
          {field('percent', t('promotionRules.fields.percent'), { numeric: true })}
        </>
      )}
      {rule.mechanic === 'bundle' && (
        <>
          {field('bundleItems', t('promotionRules.fields.bundleItems'), { wide: true, placeholder: 'p-coffee×1, p-bread×1' })}
          {field('bundlePrice', `${t('promotionRules.fields.bundlePrice')} (${money})`, { numeric: true })}
        </>
      )}
      {(rule.mechanic === 'threshold' || rule.mechanic === 'cumulative') && (
        field('tiers', rule.mechanic === 'threshold' ? t('promotionRules.fields.thresholdTiers') : t('promotionRules.fields.cumulativeTiers'), { wide: true, placeholder: '3000=10; 5000=15' })
      )}
      {rule.mechanic === 'coupon' && (
        <>
          {field('couponPromotion', t('promotionRules.fields.couponPromotion'))}
          {field('couponDays', t('promotionRules.fields.couponDays'), { numeric: true })}
        </>
      )}
      <label class="field">
        <span>{t('promotionRules.fields.timeFrom')}</span>
        <input class="input" type="time" value={rule.timeFrom} onInput={(e) => onChange({ ...rule, timeFrom: e.currentTarget.value })} data-testid="rule-timeFrom" />
      </label>
      <label class="field">
        <span>{t('promotionRules.fields.timeTo')}</span>
        <input class="input" type="time" value={rule.timeTo} onInput={(e) => onChange({ ...rule, timeTo: e.currentTarget.value })} data-testid="rule-timeTo" />
        <small class={style.hint}>{t('promotionRules.fields.overnightHint')}</small>
      </label>
      <fieldset class={`field ${style.span2}`} data-testid="rule-days">
        <span>{t('promotionRules.fields.days')}</span>
        <div>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <label key={d} class={style.day}>
              <input
                type="checkbox"
                checked={rule.days.includes(d)}
                onChange={(e) => onChange({ ...rule, days: e.currentTarget.checked ? [...rule.days, d] : rule.days.filter((x) => x !== d) })}
              />{' '}
              {t(`promotionRules.days.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {field('exclude', t('promotionRules.fields.exclude'), { wide: true })}
    </>
  );
}
