import { useState } from 'preact/hooks';
import { ROUTES, type EarnRuleConfig } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { useAction, useApi } from '../../lib/use-api';
import { consoleI18n } from '../../lib/i18n';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

function describeRule(r: EarnRuleConfig): string {
  const { t } = consoleI18n.current();
  return r.kind === 'category_multiplier'
    ? t('loyalty.rules.categoryRule', { pct: r.multiplierPct, category: r.category })
    : t('loyalty.rules.productRule', { count: r.bonusPoints, n: formatCount(r.bonusPoints), product: r.productId });
}

/** Extra earn rules: per-category multipliers and per-product bonus points (saved one at a time, by id). */
export function EarnRulesPanel({ editable }: { editable: boolean }) {
  const { t } = useT();
  const rules = useApi(ROUTES.loyalty.earnRules);
  const [kind, setKind] = useState<EarnRuleConfig['kind']>('category_multiplier');
  const [id, setId] = useState('');
  const [target, setTarget] = useState('');
  const [value, setValue] = useState('200');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction((r: EarnRuleConfig) => api.call(ROUTES.loyalty.saveEarnRule, { body: r }));

  async function submit(e: Event) {
    e.preventDefault();
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id.trim())) return setProblem(t('loyalty.rules.idProblem'));
    if (!target.trim()) return setProblem(kind === 'category_multiplier' ? t('loyalty.rules.categoryProblem') : t('loyalty.rules.productProblem'));
    if (Number.isNaN(n)) return setProblem(t('loyalty.rules.valueProblem'));
    setProblem(null);
    const rule: EarnRuleConfig =
      kind === 'category_multiplier' ? { id: id.trim(), kind, category: target.trim(), multiplierPct: n } : { id: id.trim(), kind, productId: target.trim(), bonusPoints: n };
    if (await save.run(rule)) {
      setId('');
      setTarget('');
      rules.reload();
    }
  }

  return (
    <Panel title={t('loyalty.rules.title')} testId="loyalty-earn-rules">
      <QueryView query={rules} what={t('loyalty.rules.what')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('loyalty.rules.empty')}>{t('loyalty.rules.emptyText')}</EmptyState>
          ) : (
            <ul class={style.rules} data-testid="earn-rules-list">
              {list.map((r) => (
                <li key={r.id} data-testid="earn-rule">
                  <code>{r.id}</code> {describeRule(r)}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {editable && (
        <form class={style.ruleForm} onSubmit={submit} noValidate data-testid="earn-rule-form">
          <label class="field">
            <span>{t('loyalty.rules.rule')}</span>
            <select class="select" value={kind} onChange={(e) => setKind(e.currentTarget.value as EarnRuleConfig['kind'])}>
              <option value="category_multiplier">{t('loyalty.rules.categoryMultiplier')}</option>
              <option value="product_bonus">{t('loyalty.rules.productBonus')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('loyalty.rules.ruleId')}</span>
            <input class="input" value={id} onInput={(e) => setId(e.currentTarget.value)} data-testid="earn-rule-id" />
          </label>
          <label class="field">
            <span>{kind === 'category_multiplier' ? t('loyalty.rules.category') : t('loyalty.rules.productId')}</span>
            <input class="input" value={target} onInput={(e) => setTarget(e.currentTarget.value)} data-testid="earn-rule-target" />
          </label>
          <label class="field">
            <span>{kind === 'category_multiplier' ? t('loyalty.rules.multiplierPct') : t('loyalty.rules.bonusPoints')}</span>
            <input class="input" inputMode="numeric" value={value} onInput={(e) => setValue(e.currentTarget.value)} data-testid="earn-rule-value" />
          </label>
          <button type="submit" class="btn btn-primary" disabled={save.pending} data-testid="earn-rule-save">
            {t('loyalty.rules.save')}
          </button>
        </form>
      )}
      {(problem || save.error) && (
        <p class={style.error} role="alert">
          {problem ?? describeError(save.error)}
        </p>
      )}
    </Panel>
  );
}
