import { useState } from 'preact/hooks';
import { ROUTES, type CreateCampaignRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { campaignFormProblems, todayLocal, addDays } from '../../lib/forms';
import { useAction } from '../../lib/use-api';
import style from './style.module.css';
import { useT } from '../../lib/use-t';

/** New campaign: name, period (store-local days, inclusive) and holdout share. */
export function CreateCampaignForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState(todayLocal());
  const [endsOn, setEndsOn] = useState(addDays(todayLocal(), 27));
  const [holdoutPct, setHoldoutPct] = useState('10');
  const [problems, setProblems] = useState<string[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction((body: CreateCampaignRequest) => api.call(ROUTES.campaigns.create, { body }));

  async function submit(e: Event) {
    e.preventDefault();
    const body = { name: name.trim(), startsOn, endsOn, holdoutPct: Number(holdoutPct) };
    const found = campaignFormProblems(body);
    setProblems(found);
    if (found.length > 0) return;
    const c = await create.run(body);
    if (c) {
      setCreated(c.name);
      setName('');
      onCreated();
    }
  }

  return (
    <Panel title={t('campaigns.new')}>
      <form class={style.form} onSubmit={submit} data-testid="create-campaign-form" noValidate>
        <label class={`field ${style.wide}`}>
          <span>{t('campaigns.name')}</span>
          <input class="input" value={name} maxLength={120} onInput={(e) => setName(e.currentTarget.value)} placeholder={t('campaigns.namePlaceholder')} data-testid="campaign-name" />
        </label>
        <label class="field">
          <span>{t('campaigns.startsOn')}</span>
          <input class="input" type="date" value={startsOn} onInput={(e) => setStartsOn(e.currentTarget.value)} data-testid="campaign-starts" />
        </label>
        <label class="field">
          <span>{t('campaigns.endsOn')}</span>
          <input class="input" type="date" value={endsOn} onInput={(e) => setEndsOn(e.currentTarget.value)} data-testid="campaign-ends" />
        </label>
        <label class="field">
          <span>{t('campaigns.holdoutPct')}</span>
          <input class="input" type="number" min={0} max={100} value={holdoutPct} onInput={(e) => setHoldoutPct(e.currentTarget.value)} data-testid="campaign-holdout" />
        </label>
        <button type="submit" class="btn btn-primary" disabled={create.pending} data-testid="campaign-submit">
          {create.pending ? t('campaigns.creating') : t('campaigns.create')}
        </button>
      </form>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {create.error && (
        <p class={style.error} role="alert" data-testid="campaign-error">
          {describeError(create.error)}
        </p>
      )}
      {created && !create.error && (
        <p class={style.ok} role="status">
          {t('campaigns.created', { name: created })}
        </p>
      )}
    </Panel>
  );
}
