import { useState } from 'preact/hooks';
import { CAMPAIGN_STATUSES, type Publication, type PublishCampaignRequest } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { StoreTargetPicker } from '../../components/store-target';
import { describeError } from '../../lib/api-error';
import type { Action } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import { buildCampaignPublish, type CampaignDraft } from './campaign-draft';
import { OfferRows } from './offer-rows';
import style from './style.module.css';

/**
 * A chain campaign to publish: new, or the last published version being edited. Publishing sends
 * the whole campaign (name, window, holdout, priority, status, offers) to the chosen stores as
 * the next version; stores apply it in full.
 */
export function CampaignForm({ initial, publish, onPublished, onCancel }: {
  initial: CampaignDraft;
  publish: Action<[PublishCampaignRequest], Publication>;
  onPublished: (p: Publication) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [d, setD] = useState<CampaignDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const set = <K extends keyof CampaignDraft>(k: K) => (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value as CampaignDraft[K] });

  async function submit(e: Event) {
    e.preventDefault();
    const { request, problems: found } = buildCampaignPublish(d);
    setProblems(found);
    if (!request) return;
    const p = await publish.run(request);
    if (p) onPublished(p);
  }

  return (
    <Panel title={d.id ? t('hqCampaigns.editTitle', { name: initial.name, version: d.version }) : t('hqCampaigns.newTitle')} testId="hq-campaign-form">
      <form class={style.form} onSubmit={submit} noValidate>
        <label class={`field ${style.wide}`}>
          <span>{t('campaigns.name')}</span>
          <input class="input" value={d.name} maxLength={120} onInput={set('name')} data-testid="hq-campaign-name" />
        </label>
        <label class="field">
          <span>{t('campaigns.startsOn')}</span>
          <input class="input" type="date" value={d.startsOn} onInput={set('startsOn')} data-testid="hq-campaign-starts" />
        </label>
        <label class="field">
          <span>{t('campaigns.endsOn')}</span>
          <input class="input" type="date" value={d.endsOn} onInput={set('endsOn')} data-testid="hq-campaign-ends" />
        </label>
        <label class="field">
          <span>{t('campaigns.holdoutPct')}</span>
          <input class="input" type="number" min={0} max={100} value={d.holdoutPct} onInput={set('holdoutPct')} data-testid="hq-campaign-holdout" />
        </label>
        <label class="field">
          <span>{t('hqCampaigns.priority')}</span>
          <input class="input" type="number" min={-1000} max={1000} value={d.priority} onInput={set('priority')} data-testid="hq-campaign-priority" />
        </label>
        <label class="field">
          <span>{t('hqCampaigns.status')}</span>
          <select class="select" value={d.status} onChange={set('status')} data-testid="hq-campaign-status">
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {d.id && d.holdoutPct !== initial.holdoutPct && <p class={`muted ${style.full}`}>{t('hqCampaigns.holdoutNote')}</p>}
        <div class={style.full}>
          <OfferRows offers={d.offers} onChange={(offers) => setD({ ...d, offers })} />
        </div>
        <div class={style.full}>
          <StoreTargetPicker value={d.target} onChange={(target) => setD({ ...d, target })} testId="hq-campaign-target" />
        </div>
        <div class={style.actions}>
          <button type="button" class="btn" onClick={onCancel} data-testid="hq-campaign-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={publish.pending} data-testid="hq-campaign-publish">
            {publish.pending ? t('hqCampaigns.publishing') : d.id ? t('hqCampaigns.publishVersion', { version: d.version + 1 }) : t('hqCampaigns.publish')}
          </button>
        </div>
      </form>
      {problems.length > 0 && (
        <ul class={style.problems} role="alert" data-testid="hq-campaign-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {publish.error && (
        <p class={style.error} role="alert" data-testid="hq-campaign-error">
          {describeError(publish.error)}
        </p>
      )}
    </Panel>
  );
}
