import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type SurveySettings } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { ErrorNotice, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { useAction, type Query } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import { chipIdFrom } from './nps-view';
import style from './style.module.css';

const MAX_REASONS = 12;

/** On/off, how often a shopper may be asked, and the reason chips (English and Russian). Admins edit; marketers read. */
export function SettingsPanel({ query, editable }: { query: Query<SurveySettings>; editable: boolean }) {
  const { t } = useT();
  return (
    <Panel title={t('survey.settings')} testId="survey-settings">
      <QueryView query={query} what={t('survey.whatSettings')}>
        {(s) => <SettingsForm initial={s} editable={editable} onSaved={query.reload} />}
      </QueryView>
    </Panel>
  );
}

function SettingsForm({ initial, editable, onSaved }: { initial: SurveySettings; editable: boolean; onSaved: () => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState<SurveySettings>(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(initial), [initial]);
  const save = useAction((body: SurveySettings) => api.call(ROUTES.surveys.saveSettings, { body }));
  const setReason = (i: number, lang: 'en' | 'ru', value: string) =>
    setDraft((d) => ({ ...d, reasons: d.reasons.map((r, j) => (j === i ? { ...r, labels: { ...r.labels, [lang]: value } } : r)) }));
  const addReason = () =>
    setDraft((d) => ({ ...d, reasons: [...d.reasons, { id: chipIdFrom(t('survey.newReason'), d.reasons.map((r) => r.id)), labels: { en: '', ru: '' } }] }));

  return (
    <form
      class={style.settings}
      data-testid="survey-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        // A new chip takes its id from its English label once that is known.
        const kept = (id: string) => initial.reasons.some((x) => x.id === id);
        const taken = draft.reasons.filter((r) => kept(r.id)).map((r) => r.id);
        const reasons = draft.reasons.map((r) => {
          if (kept(r.id)) return r;
          const id = chipIdFrom(r.labels.en, taken);
          taken.push(id);
          return { ...r, id };
        });
        void save.run({ ...draft, reasons }).then((ok) => {
          if (ok) {
            setSaved(true);
            onSaved();
          }
        });
      }}
    >
      <fieldset disabled={!editable || save.pending} class={style.fieldset}>
        <label class={style.check}>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })} data-testid="survey-enabled" />
          <span>{t('survey.enabled')}</span>
        </label>
        <label class="field">
          <span>{t('survey.intervalDays')}</span>
          <input
            class="input"
            type="number"
            min={1}
            max={365}
            required
            value={draft.intervalDays}
            onInput={(e) => setDraft({ ...draft, intervalDays: Number(e.currentTarget.value) })}
            data-testid="survey-interval"
          />
          <small class="muted">{t('survey.intervalHint')}</small>
        </label>
        <table class="table">
          <caption class={style.caption}>{t('survey.reasonChips')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('survey.english')}</th>
              <th scope="col">{t('survey.russian')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('survey.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.reasons.map((r, i) => (
              <tr key={r.id} data-testid="survey-reason-row">
                <td>
                  <input class="input" required maxLength={40} value={r.labels.en} aria-label={t('survey.english')} onInput={(e) => setReason(i, 'en', e.currentTarget.value)} />
                </td>
                <td>
                  <input class="input" required maxLength={40} value={r.labels.ru} aria-label={t('survey.russian')} onInput={(e) => setReason(i, 'ru', e.currentTarget.value)} />
                </td>
                <td>
                  <button type="button" class="btn btn-small btn-ghost" onClick={() => setDraft((d) => ({ ...d, reasons: d.reasons.filter((_, j) => j !== i) }))}>
                    {t('survey.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable && (
          <div class={style.formActions}>
            <button type="button" class="btn" disabled={draft.reasons.length >= MAX_REASONS} onClick={addReason}>
              {t('survey.addReason')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="survey-save">
              {save.pending ? t('survey.saving') : t('survey.save')}
            </button>
            {saved && <span role="status">{t('survey.saved')}</span>}
          </div>
        )}
      </fieldset>
      {!editable && <p class="muted">{t('survey.adminOnly')}</p>}
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}
