import { useState } from 'preact/hooks';
import { ROUTES } from '@vitrina/contracts';
import { EmptyState, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { useAction, useApi } from '../../lib/use-api';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

/** A promotion's codes, and generating more (random codes; single-use by default). */
export function PromotionCodes({ promotionId, editable }: { promotionId: string; editable: boolean }) {
  const { t } = useT();
  const codes = useApi(ROUTES.promotions.codes, { params: { id: promotionId } });
  const [count, setCount] = useState('10');
  const [singleUse, setSingleUse] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useAction((n: number, maxUses: number | undefined) =>
    api.call(ROUTES.codes.create, { body: maxUses === undefined ? { promotionId, count: n } : { promotionId, count: n, maxUses } }),
  );

  async function generate(e: Event) {
    e.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setProblem(t('promotions.codesProblem', { max: formatCount(1000) }));
    setProblem(null);
    if (await create.run(n, singleUse ? 1 : undefined)) codes.reload();
  }

  return (
    <div class={style.codes} data-testid="codes-panel">
      {editable && (
        <form class={style.codesForm} onSubmit={generate} noValidate data-testid="generate-codes-form">
          <label class="field">
            <span>{t('promotions.howMany')}</span>
            <input class="input" type="number" min={1} max={1000} value={count} onInput={(e) => setCount(e.currentTarget.value)} data-testid="codes-count" />
          </label>
          <label class={style.check}>
            <input type="checkbox" checked={singleUse} onChange={(e) => setSingleUse(e.currentTarget.checked)} /> {t('promotions.singleUse')}
          </label>
          <button type="submit" class="btn btn-primary btn-small" disabled={create.pending} data-testid="codes-generate">
            {t('promotions.generate')}
          </button>
          {(problem || create.error) && (
            <span class={style.error} role="alert">
              {problem ?? describeError(create.error)}
            </span>
          )}
        </form>
      )}
      <QueryView query={codes} what={t('promotions.whatCodes')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('promotions.noCodes')} />
          ) : (
            <table class="table" data-testid="codes-table">
              <thead>
                <tr>
                  <th scope="col">{t('promotions.code')}</th>
                  <th scope="col" class="num">{t('promotions.used')}</th>
                  <th scope="col" class="num">{t('promotions.maxUses')}</th>
                  <th scope="col" class="num">{t('promotions.perCustomer')}</th>
                </tr>
              </thead>
              <tbody>
                {list.slice(0, 200).map((c) => (
                  <tr key={c.code} data-testid="code-row">
                    <td>
                      <code>{c.code}</code>
                    </td>
                    <td class="num">{formatCount(c.uses)}</td>
                    <td class="num">{c.maxUses === null ? t('promotions.unlimited') : formatCount(c.maxUses)}</td>
                    <td class="num">{c.maxUsesPerCustomer === null ? '—' : formatCount(c.maxUsesPerCustomer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </div>
  );
}
