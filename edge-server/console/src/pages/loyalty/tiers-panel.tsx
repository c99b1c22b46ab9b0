import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type TierConfig } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { draftsToTiers, tierToDraft, type TierDraft } from '../../lib/tiers-edit';
import { useAction, useApi } from '../../lib/use-api';
import style from './style.module.css';

/** Tiers by spend over the rolling window, with their earn multiplier; saved as one list. */
export function TiersPanel({ editable }: { editable: boolean }) {
  const tiers = useApi(ROUTES.loyalty.tiers);
  const [draft, setDraft] = useState<TierDraft[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useAction((t: TierConfig[]) => api.call(ROUTES.loyalty.saveTiers, { body: t }));

  useEffect(() => {
    if (tiers.data && !draft) setDraft(tiers.data.map(tierToDraft));
  }, [tiers.data, draft]);

  const set = (i: number, patch: Partial<TierDraft>) => draft && setDraft(draft.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  async function onSave() {
    if (!draft) return;
    const { tiers: t, problems: found } = draftsToTiers(draft);
    setProblems(found);
    setSaved(false);
    if (!t) return;
    const r = await save.run(t);
    if (r) {
      setDraft(r.map(tierToDraft));
      setSaved(true);
    }
  }

  return (
    <Panel
      title="Tiers"
      testId="loyalty-tiers"
      actions={
        editable && (
          <>
            {saved && <span class={style.ok}>Saved.</span>}
            <button type="button" class="btn btn-small" onClick={() => draft && setDraft([...draft, { id: '', name: '', threshold: '', multiplierPct: '100' }])} data-testid="tier-add">
              Add tier
            </button>
            <button type="button" class="btn btn-small btn-primary" disabled={save.pending} onClick={() => void onSave()} data-testid="tiers-save">
              Save tiers
            </button>
          </>
        )
      }
      flush
    >
      <QueryView query={tiers} what="tiers">
        {() =>
          !draft || draft.length === 0 ? (
            <EmptyState title="No tiers">Every member earns at the base rate.</EmptyState>
          ) : (
            <table class="table" data-testid="tiers-table">
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  <th scope="col">Name</th>
                  <th scope="col">From spend ($)</th>
                  <th scope="col">Earn multiplier (%)</th>
                  {editable && (
                    <th scope="col">
                      <span class="visually-hidden">Remove</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {draft.map((t, i) => (
                  <tr key={i} data-testid="tier-row">
                    <td>
                      <input class="input" aria-label={`Tier ${i + 1} id`} readOnly={!editable} value={t.id} onInput={(e) => set(i, { id: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={`Tier ${i + 1} name`} readOnly={!editable} value={t.name} onInput={(e) => set(i, { name: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={`Tier ${i + 1} threshold`} inputMode="decimal" readOnly={!editable} value={t.threshold} onInput={(e) => set(i, { threshold: e.currentTarget.value })} />
                    </td>
                    <td>
                      <input class="input" aria-label={`Tier ${i + 1} multiplier`} inputMode="numeric" readOnly={!editable} value={t.multiplierPct} onInput={(e) => set(i, { multiplierPct: e.currentTarget.value })} />
                    </td>
                    {editable && (
                      <td class="num">
                        <button type="button" class="btn btn-small btn-danger" aria-label={`Remove tier ${i + 1}`} onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                          Remove
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
