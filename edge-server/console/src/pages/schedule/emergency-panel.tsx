import { useState } from 'preact/hooks';
import { ROUTES, type Zone } from '@vitrina/contracts';
import { ConfirmButton } from '../../components/confirm-button';
import { Panel } from '../../components/panel';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { useAction, useApi } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * The emergency button: a full-screen message on the chosen zones' screens (or the whole store's)
 * at once, over the schedule and shopper takeovers, until reverted.
 */
export function EmergencyPanel({ zones, editable }: { zones: Zone[]; editable: boolean }) {
  const { t } = useT();
  const list = useApi(ROUTES.signage.emergencies, { refreshMs: 10_000 });
  const [wholeStore, setWholeStore] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const start = useAction(() => api.call(ROUTES.signage.startEmergency, { body: { zoneIds: wholeStore ? null : chosen, title: title.trim(), body: body.trim() } }));
  const revert = useAction((id: string) => api.call(ROUTES.signage.endEmergency, { params: { emergencyId: id } }));
  const active = (list.data?.emergencies ?? []).filter((e) => e.endedAt === null);
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.name ?? id;
  const ready = title.trim().length > 0 && (wholeStore || chosen.length > 0);

  async function onStart() {
    if (await start.run()) {
      setTitle('');
      setBody('');
      list.reload();
    }
  }

  return (
    <Panel testId="emergency-panel" title={<span class={style.title}>{t('emergency.title')}{active.length > 0 && <StatusChip tone="bad">{t('emergency.activeCount', { count: active.length })}</StatusChip>}</span>}>
      {active.map((e) => (
        <div key={e.id} class={style.emergencyActive} role="status" data-testid="emergency-active" data-emergency-id={e.id}>
          <div>
            <strong>{e.title}</strong> — {e.body}
            <br />
            <span class={style.muted}>
              {e.zoneIds === null ? t('emergency.wholeStore') : e.zoneIds.map(zoneName).join(', ')} · {t('emergency.since', { at: formatDateTime(e.startedAt) })}
            </span>
          </div>
          {editable && (
            <ConfirmButton label={t('emergency.revert')} confirmLabel={t('emergency.revertConfirm')} testId="emergency-revert"
              onConfirm={() => void revert.run(e.id).then(() => list.reload())} />
          )}
        </div>
      ))}
      {(start.error ?? revert.error) && <p class={style.problem} role="alert" data-testid="emergency-error">{describeError((start.error ?? revert.error)!)}</p>}
      {editable && (
        <form class={style.emergencyForm} onSubmit={(e) => { e.preventDefault(); if (ready) void onStart(); }}>
          <fieldset class={style.zonesPick}>
            <legend>{t('emergency.where')}</legend>
            <label class={style.check}>
              <input type="checkbox" checked={wholeStore} onChange={(e) => setWholeStore(e.currentTarget.checked)} data-testid="emergency-whole-store" />
              {t('emergency.wholeStore')}
            </label>
            {!wholeStore && zones.map((z) => (
              <label key={z.id} class={style.check}>
                <input type="checkbox" checked={chosen.includes(z.id)} data-testid={`emergency-zone-${z.id}`}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, z.id] : chosen.filter((id) => id !== z.id))} />
                {z.name}
              </label>
            ))}
          </fieldset>
          <label class="field">
            <span>{t('emergency.message')}</span>
            <input class="input" maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="emergency-message" />
          </label>
          <label class="field">
            <span>{t('emergency.details')}</span>
            <textarea class="input" rows={2} maxLength={500} value={body} onInput={(e) => setBody(e.currentTarget.value)} data-testid="emergency-details" />
          </label>
          <button type="submit" class="btn btn-danger-solid" disabled={!ready || start.pending} data-testid="emergency-start">
            {start.pending ? t('emergency.starting') : t('emergency.start')}
          </button>
        </form>
      )}
    </Panel>
  );
}
