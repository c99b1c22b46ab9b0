import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type LoyaltySettings } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { fromDraft, SETTING_FIELDS, settingWords, toDraft, type SettingsDraft } from '../../lib/loyalty-settings';
import { useT } from '../../lib/use-t';
import { useAction, useApi } from '../../lib/use-api';
import style from './style.module.css';

/** Earn rate, point value, validity and referral rewards; admins edit, everyone else reads. */
export function SettingsPanel({ editable }: { editable: boolean }) {
  const { t } = useT();
  const settings = useApi(ROUTES.loyalty.settings);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useAction((s: LoyaltySettings) => api.call(ROUTES.loyalty.saveSettings, { body: s }));

  useEffect(() => {
    if (settings.data && !draft) setDraft(toDraft(settings.data));
  }, [settings.data, draft]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const { settings: s, problems: found } = fromDraft(draft);
    setProblems(found);
    setSaved(false);
    if (!s) return;
    const r = await save.run(s);
    if (r) {
      setDraft(toDraft(r));
      setSaved(true);
    }
  }

  return (
    <Panel title={t('loyalty.pointsRules')} testId="loyalty-settings">
      <QueryView query={settings} what={t('loyalty.whatSettings')}>
        {() =>
          draft && (
            <form onSubmit={submit} noValidate data-testid="loyalty-settings-form">
              <div class={style.grid}>
                {SETTING_FIELDS.map((f) => (
                  <label class="field" key={f.key}>
                    <span>{settingWords(f).label}</span>
                    <input class="input" inputMode="numeric" readOnly={!editable} value={draft[f.key]} onInput={(e) => setDraft({ ...draft, [f.key]: e.currentTarget.value })} data-testid={`setting-${f.key}`} />
                    <small class={style.hint}>{settingWords(f).hint}</small>
                  </label>
                ))}
                <label class="field">
                  <span>{t('loyalty.reviewDay')}</span>
                  <input class="input" readOnly={!editable} value={draft.tierReviewMonthDay} onInput={(e) => setDraft({ ...draft, tierReviewMonthDay: e.currentTarget.value })} data-testid="setting-tierReviewMonthDay" />
                  <small class={style.hint}>{t('loyalty.reviewDayHint')}</small>
                </label>
                <label class="field">
                  <span>{t('loyalty.birthdayPromotion')}</span>
                  <input class="input" readOnly={!editable} value={draft.birthdayPromotionId} onInput={(e) => setDraft({ ...draft, birthdayPromotionId: e.currentTarget.value })} data-testid="setting-birthdayPromotionId" />
                  <small class={style.hint}>{t('loyalty.birthdayPromotionHint')}</small>
                </label>
              </div>
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
              {editable && (
                <div class={style.actions}>
                  {saved && (
                    <span class={style.ok} role="status">
                      {t('loyalty.saved')}
                    </span>
                  )}
                  <button type="submit" class="btn btn-primary" disabled={save.pending} data-testid="loyalty-settings-save">
                    {save.pending ? t('loyalty.saving') : t('loyalty.saveRules')}
                  </button>
                </div>
              )}
            </form>
          )
        }
      </QueryView>
    </Panel>
  );
}
