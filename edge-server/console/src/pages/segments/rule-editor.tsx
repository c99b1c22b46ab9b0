import type { SegmentRule } from '@vitrina/contracts';
import { RFM_CLASSES, RULE_KINDS, defaultRule, minorOf, optionalNumber } from '../../lib/segment-rules';
import { segmentLabel } from '../../lib/analytics';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** One rule of a live segment: its kind and the fields that kind takes. */
export function RuleEditor({ rule, index, onChange, onRemove }: { rule: SegmentRule; index: number; onChange: (r: SegmentRule) => void; onRemove: () => void }) {
  const { t } = useT();
  const kindLabel = (k: SegmentRule['kind']) => t(`segments.kinds.${k}`, { defaultValue: k });
  const num = (label: string, value: number | undefined, set: (v: number | undefined) => void, testId: string) => (
    <label class="field">
      <span>{label}</span>
      <input class="input" type="number" min="0" value={value ?? ''} onInput={(e) => set(optionalNumber(e.currentTarget.value))} data-testid={testId} />
    </label>
  );
  const money = (label: string, value: number | undefined, set: (v: number | undefined) => void, testId: string) => (
    <label class="field">
      <span>{label}</span>
      <input class="input" inputMode="decimal" value={value === undefined ? '' : String(value / 100)} onChange={(e) => set(minorOf(e.currentTarget.value))} data-testid={testId} />
    </label>
  );
  const days = (r: { days: number }, set: (d: number) => void) => num(t('segments.days'), r.days, (v) => set(v ?? 1), `rule-${index}-days`);
  return (
    <fieldset class={style.rule} data-testid={`rule-${index}`}>
      <legend class="visually-hidden">{t('segments.ruleN', { n: index + 1 })}</legend>
      <label class="field">
        <span>{t('segments.kind')}</span>
        <select class="select" value={rule.kind} onChange={(e) => onChange(defaultRule(e.currentTarget.value as SegmentRule['kind']))} data-testid={`rule-${index}-kind`}>
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      {rule.kind === 'rfm' && (
        <div class={style.classes} role="group" aria-label={kindLabel('rfm')}>
          {RFM_CLASSES.map((c) => (
            <label key={c} class={style.check}>
              <input
                type="checkbox"
                checked={rule.classes.includes(c)}
                onChange={(e) => onChange({ ...rule, classes: e.currentTarget.checked ? [...rule.classes, c] : rule.classes.filter((x) => x !== c) })}
              />
              {segmentLabel(c)}
            </label>
          ))}
        </div>
      )}
      {rule.kind === 'tier' && (
        <label class="field">
          <span>{t('segments.tierIds')}</span>
          <input class="input" value={rule.tierIds.join(', ')} onChange={(e) => onChange({ ...rule, tierIds: e.currentTarget.value.split(',').map((s) => s.trim()).filter(Boolean) })} data-testid={`rule-${index}-tiers`} />
        </label>
      )}
      {rule.kind === 'spend' && (
        <>
          {days(rule, (d) => onChange({ ...rule, days: d }))}
          {money(t('segments.min'), rule.minMinor, (v) => onChange({ ...rule, minMinor: v }), `rule-${index}-min`)}
          {money(t('segments.max'), rule.maxMinor, (v) => onChange({ ...rule, maxMinor: v }), `rule-${index}-max`)}
        </>
      )}
      {rule.kind === 'frequency' && (
        <>
          {days(rule, (d) => onChange({ ...rule, days: d }))}
          {num(t('segments.minPurchases'), rule.min, (v) => onChange({ ...rule, min: v }), `rule-${index}-min`)}
          {num(t('segments.maxPurchases'), rule.max, (v) => onChange({ ...rule, max: v }), `rule-${index}-max`)}
        </>
      )}
      {rule.kind === 'recency' && (
        <>
          {num(t('segments.minDays'), rule.minDays, (v) => onChange({ ...rule, minDays: v }), `rule-${index}-min`)}
          {num(t('segments.maxDays'), rule.maxDays, (v) => onChange({ ...rule, maxDays: v }), `rule-${index}-max`)}
        </>
      )}
      {rule.kind === 'category' && (
        <>
          <label class="field">
            <span>{t('segments.category')}</span>
            <input class="input" value={rule.category} onChange={(e) => onChange({ ...rule, category: e.currentTarget.value })} data-testid={`rule-${index}-category`} />
          </label>
          {days(rule, (d) => onChange({ ...rule, days: d }))}
          {num(t('segments.minShare'), rule.minSharePct, (v) => onChange({ ...rule, minSharePct: v ?? 1 }), `rule-${index}-share`)}
        </>
      )}
      {rule.kind === 'discount_lover' && (
        <>
          {days(rule, (d) => onChange({ ...rule, days: d }))}
          {num(t('segments.minDiscountShare'), rule.minSharePct, (v) => onChange({ ...rule, minSharePct: v ?? 1 }), `rule-${index}-share`)}
        </>
      )}
      <button type="button" class="btn btn-small btn-ghost" onClick={onRemove} data-testid={`rule-${index}-remove`}>
        {t('segments.removeRule')}
      </button>
    </fieldset>
  );
}
