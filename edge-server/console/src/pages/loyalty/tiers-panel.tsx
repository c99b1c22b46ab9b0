import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type TierConfig } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { draftsToTiers, tierToDraft, type TierDraft } from '../../lib/tiers-edit';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** Tiers by spend over the rolling window, with their earn multiplier; saved as one list. */
export function TiersPanel({ editable }: { editable: boolean }) {
  const { t, fmt } = useT();
  const tiers = useApi(ROUTES.loyalty.tiers);
  const [draft, setDraft] = useState<TierDraft[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useAction((list: TierConfig[]) => api.call(ROUTES.loyalty.saveTiers, { body: list }));

  useEffect(() => {
    if (tiers.data && !draft) setDraft(tiers.data.map(tierToDraft));
  }, [tiers.data, draft]);

  const set = (i: number, patch: Partial<TierDraft>) => draft && setDraft(draft.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  async function onSave() {
    if (!draft) return;
    const { tiers: list, problems: found } = draftsToTiers(draft);
    setProblems(found);
    setSaved(false);
    if (!list) return;
    const r = await save.run(list);
    if (r) {
      setDraft(r.map(tierToDraft));
      setSaved(true);
    }
  }

  return (
    <Panel
      title={t('loyalty.tiers')}
      testId="loyalty-tiers"
      actions={
        editable && (
          <>
            {saved && <span class={style.ok}>{t('loyalty.saved')}</span>}
            <button type="button" class="btn btn-small" onClick={() => draft && setDraft([...draft, { id: '', name: '', threshold: '', multiplierPct: '100' }])} data-testid="tier-add">
              {t('loyalty.addTier')}
            </button>
            <button type="button" class="btn btn-small btn-primary" disabled={save.pending} onClick={() => void onSave()} data-testid="tiers-save">
              {t('loyalty.saveTiers')}
            </button>
          </>
        )
      }
      flush
    >
      <QueryView query={tiers} what={t('loyalty.whatTiers')}>
        {() =>
          !draft || draft.length === 0 ? (
            <EmptyState title={t('loyalty.noTiers')}>{t('loyalty.noTiersText')}</EmptyState>
          ) : (
            <table class="table" data-testid="tiers-table">
              <thead>
                <tr>
                  <th scope="col">{t('loyalty.tierId')}</th>
                  <th scope="col">{t('loyalty.tierName')}</th>
                  <th scope="col">{t('loyalty.fromSpend', { currency: fmt.currency })}</th>
                  <th scope="col">{t('loyalty.multiplier')}</th>
                  {editable && (
                    <th scope="col">
                      <span class="visually-hidden">{t('loyalty.remove')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {draft.map((tier, i) => (
                  <tr key={i} data-testid="tier-row">
                    <td>
                      <input class="input" aria-label={t('loyalty.tierIdLabel', { n: i + 1 })} readOnly={!editable} value={tier.id} onInput={(e) => set(i, { id: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={t('loyalty.tierNameLabel', { n: i + 1 })} readOnly={!editable} value={tier.name} onInput={(e) => set(i, { name: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={t('loyalty.tierThresholdLabel', { n: i + 1 })} inputMode="decimal" readOnly={!editable} value={tier.threshold} onInput={(e) => set(i, { threshold: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={t('loyalty.tierMultiplierLabel', { n: i + 1 })} inputMode="numeric" readOnly={!editable} value={tier.multiplierPct} onInput={(e) => set(i, { multiplierPct: e.currentTarget.value })} />
                    </td>
                    {editable && (
                      <td class="num">
                        <button type="button" class="btn btn-small btn-danger" aria-label={t('loyalty.removeTier', { n: i + 1 })} onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                          {t('loyalty.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {save.error && (
        <p class={style.error} role="alert">
          {describeError(save.error)}
        </p>
      )}
    </Panel>
  );
}
