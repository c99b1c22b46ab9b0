import { useEffect, useState } from 'preact/hooks';
import { ENTRY_PRIORITIES, ROUTES, planAt, type EntryPriority, type Layout, type PowerWindow, type ScheduleEntry, type ScheduleInput } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { can } from '../../lib/roles';
import { routeTitle } from '../../lib/route-title';
import { entryProblems, isOvernight, newEntry, newPowerWindow, powerProblems, toggleDay } from '../../lib/signage-edit';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import { EmergencyPanel } from './emergency-panel';
import style from './style.module.css';

/** Per zone: the default layout, dated and timed entries by priority, sleep windows; and the emergency button. */
export default function SchedulePage() {
  const { t } = useT();
  const { user } = useAuth();
  const editable = can(user?.role, 'content.edit');
  const zones = useApi(ROUTES.devices.zones);
  const [zoneId, setZoneId] = useState<string | null>(null);

  useEffect(() => {
    if (!zoneId && zones.data?.[0]) setZoneId(zones.data[0].id);
  }, [zones.data, zoneId]);

  return (
    <>
      <PageHeader title={routeTitle({ id: 'schedule', title: 'Screen schedule' }, t)} description={t('schedule.description')} />
      <QueryView query={zones} what={t('schedule.whatZones')}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('schedule.noZones')} />
          ) : (
            <>
              <EmergencyPanel zones={list} editable={editable} />
              <div class={style.zoneTabs} role="tablist" aria-label={t('schedule.zones')}>
                {list.map((z) => (
                  <button key={z.id} type="button" role="tab" aria-selected={z.id === zoneId} class={z.id === zoneId ? style.zoneActive : style.zone} onClick={() => setZoneId(z.id)} data-testid={`schedule-zone-${z.id}`}>
                    {z.name}
                  </button>
                ))}
              </div>
              {zoneId && <ZoneScheduleEditor key={zoneId} zoneId={zoneId} editable={editable} />}
            </>
          )
        }
      </QueryView>
    </>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 0];

function ZoneScheduleEditor({ zoneId, editable }: { zoneId: string; editable: boolean }) {
  const { t } = useT();
  const schedule = useApi(ROUTES.signage.schedule, { params: { zoneId } });
  const layouts = useApi(ROUTES.signage.layouts);
  const snapshot = useApi(ROUTES.signage.snapshot, { params: { zoneId }, refreshMs: 30_000 });
  const [draft, setDraft] = useState<ScheduleInput | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [saved, setSaved] = useState(false);
  const publish = useAction((body: ScheduleInput) => api.call(ROUTES.signage.publishSchedule, { params: { zoneId }, body }));

  useEffect(() => {
    if (schedule.data && draft === null) setDraft({ defaultLayoutId: schedule.data.defaultLayoutId, entries: schedule.data.entries, power: schedule.data.power });
  }, [schedule.data, draft]);

  const all = layouts.data?.layouts ?? [];
  const current = draft ?? { defaultLayoutId: null, entries: [], power: [] };
  const problems = [...current.entries.flatMap(entryProblems), ...current.power.flatMap(powerProblems)];
  const now = snapshot.data ? planAt(snapshot.data, Date.now()) : null;

  async function onPublish() {
    setShowProblems(true);
    setSaved(false);
    if (problems.length > 0 || !draft) return;
    const result = await publish.run(draft);
    if (result) {
      setSaved(true);
      setShowProblems(false);
      schedule.reload();
      snapshot.reload();
    }
  }

  const setEntry = (i: number, e: ScheduleEntry) => setDraft({ ...current, entries: current.entries.map((x, j) => (j === i ? e : x)) });
  const setPower = (i: number, p: PowerWindow) => setDraft({ ...current, power: current.power.map((x, j) => (j === i ? p : x)) });

  return (
    <QueryView query={schedule} what={t('schedule.what')}>
      {() => (
        <Panel
          testId="schedule-editor"
          title={
            <span class={style.title}>
              {t('schedule.zoneSchedule')}
              {now && (
                <StatusChip tone={now.state === 'sleep' ? 'neutral' : now.source === 'emergency' ? 'bad' : 'info'} testId="schedule-now">
                  {now.state === 'sleep' ? t('schedule.nowSleeping') : t('schedule.nowPlaying', { name: now.layout.name || now.layout.id, source: t(`schedule.source.${now.source}`) })}
                </StatusChip>
              )}
            </span>
          }
          actions={editable && (
            <button type="button" class="btn btn-small btn-primary" disabled={publish.pending || !draft} onClick={() => void onPublish()} data-testid="schedule-publish">
              {publish.pending ? t('schedule.publishing') : t('schedule.publish')}
            </button>
          )}
        >
          {saved && <p class={style.saved} role="status" data-testid="schedule-saved">{t('schedule.publishedNow')}</p>}
          {publish.error && <p class={style.problem} role="alert" data-testid="schedule-error">{describeError(publish.error)}</p>}
          {showProblems && problems.length > 0 && (
            <ul class={style.problems} role="alert" data-testid="schedule-problems">
              {[...new Set(problems)].map((key) => <li key={key}>{t(key)}</li>)}
            </ul>
          )}
          <label class="field">
            <span>{t('schedule.defaultLayout')}</span>
            <select class="select" disabled={!editable} value={current.defaultLayoutId ?? ''} data-testid="schedule-default-layout"
              onChange={(e) => setDraft({ ...current, defaultLayoutId: e.currentTarget.value || null })}>
              <option value="">{t('schedule.classicPlaylist')}</option>
              {all.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>

          <h3 class={style.h3}>{t('schedule.entries')}</h3>
          {current.entries.length === 0 && <p class={style.muted}>{t('schedule.noEntries')}</p>}
          {current.entries.length > 0 && (
            <div class="table-wrap">
              <table class="table" data-testid="schedule-entries">
                <thead>
                  <tr>
                    <th>{t('schedule.label')}</th><th>{t('schedule.layout')}</th><th>{t('schedule.priority')}</th><th>{t('schedule.dates')}</th>
                    <th>{t('schedule.days')}</th><th>{t('schedule.window')}</th><th />
                  </tr>
                </thead>
                <tbody>
                  {current.entries.map((e, i) => (
                    <EntryRow key={e.id} entry={e} layouts={all} editable={editable} onChange={(next) => setEntry(i, next)}
                      onRemove={() => setDraft({ ...current, entries: current.entries.filter((_, j) => j !== i) })} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editable && (
            <button type="button" class="btn btn-small" disabled={all.length === 0} onClick={() => setDraft({ ...current, entries: [...current.entries, newEntry(all[0]!.id)] })} data-testid="schedule-add-entry">
              {all.length === 0 ? t('schedule.needLayout') : t('schedule.addEntry')}
            </button>
          )}

          <h3 class={style.h3}>{t('schedule.sleep')}</h3>
          <p class={style.muted}>{t('schedule.sleepHint')}</p>
          {current.power.map((p, i) => (
            <div key={p.id} class={style.powerRow} data-testid="schedule-power">
              <DayPicker days={p.daysOfWeek} editable={editable} onChange={(d) => setPower(i, { ...p, daysOfWeek: d })} />
              <TimeRange start={p.start} end={p.end} editable={editable} onChange={(start, end) => setPower(i, { ...p, start, end })} />
              {editable && <button type="button" class="btn btn-small btn-ghost" onClick={() => setDraft({ ...current, power: current.power.filter((_, j) => j !== i) })}>{t('schedule.remove')}</button>}
            </div>
          ))}
          {editable && (
            <button type="button" class="btn btn-small" onClick={() => setDraft({ ...current, power: [...current.power, newPowerWindow()] })} data-testid="schedule-add-sleep">
              {t('schedule.addSleep')}
            </button>
          )}
        </Panel>
      )}
    </QueryView>
  );
}

function EntryRow({ entry, layouts, editable, onChange, onRemove }: { entry: ScheduleEntry; layouts: Layout[]; editable: boolean; onChange: (e: ScheduleEntry) => void; onRemove: () => void }) {
  const { t } = useT();
  const bad = entryProblems(entry).length > 0 ? 'true' : undefined;
  return (
    <tr data-testid="schedule-entry" aria-invalid={bad}>
      <td><input class="input" readOnly={!editable} maxLength={120} value={entry.label} onInput={(e) => onChange({ ...entry, label: e.currentTarget.value })} data-testid="entry-label" /></td>
      <td>
        <select class="select" disabled={!editable} value={entry.layoutId} onChange={(e) => onChange({ ...entry, layoutId: e.currentTarget.value })} data-testid="entry-layout">
          {layouts.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </td>
      <td>
        <select class="select" disabled={!editable} value={entry.priority} onChange={(e) => onChange({ ...entry, priority: e.currentTarget.value as EntryPriority })} data-testid="entry-priority">
          {ENTRY_PRIORITIES.map((p) => <option key={p} value={p}>{t(`schedule.source.${p}`)}</option>)}
        </select>
      </td>
      <td class={style.dates}>
        <input class="input" type="date" readOnly={!editable} value={entry.startDate ?? ''} onInput={(e) => onChange({ ...entry, startDate: e.currentTarget.value || null })} aria-label={t('schedule.from')} data-testid="entry-start-date" />
        <input class="input" type="date" readOnly={!editable} value={entry.endDate ?? ''} onInput={(e) => onChange({ ...entry, endDate: e.currentTarget.value || null })} aria-label={t('schedule.to')} data-testid="entry-end-date" />
      </td>
      <td><DayPicker days={entry.daysOfWeek} editable={editable} onChange={(d) => onChange({ ...entry, daysOfWeek: d })} /></td>
      <td>
        {entry.windows.map((w, i) => (
          <TimeRange key={i} start={w.start} end={w.end} editable={editable} onChange={(start, end) => onChange({ ...entry, windows: entry.windows.map((x, j) => (j === i ? { start, end } : x)) })} />
        ))}
      </td>
      <td>{editable && <button type="button" class="btn btn-small btn-ghost" onClick={onRemove} data-testid="entry-remove">{t('schedule.remove')}</button>}</td>
    </tr>
  );
}

function DayPicker({ days, editable, onChange }: { days: number[]; editable: boolean; onChange: (days: number[]) => void }) {
  const { t } = useT();
  return (
    <span class={style.days}>
      {DAYS.map((d) => (
        <label key={d} class={style.day}>
          <input type="checkbox" disabled={!editable} checked={days.includes(d)} onChange={() => onChange(toggleDay(days, d))} data-testid={`day-${d}`} />
          {t(`schedule.day.${d}`)}
        </label>
      ))}
    </span>
  );
}

function TimeRange({ start, end, editable, onChange }: { start: string; end: string; editable: boolean; onChange: (start: string, end: string) => void }) {
  const { t } = useT();
  return (
    <span class={style.timeRange}>
      <input class="input" type="time" readOnly={!editable} value={start} onInput={(e) => onChange(e.currentTarget.value, end)} aria-label={t('schedule.start')} data-testid="window-start" />
      –
      <input class="input" type="time" readOnly={!editable} value={end === '24:00' ? '00:00' : end} onInput={(e) => onChange(start, e.currentTarget.value === '00:00' ? '24:00' : e.currentTarget.value)} aria-label={t('schedule.end')} data-testid="window-end" />
      {isOvernight(start, end) && <small class={style.muted}>{t('schedule.overnight')}</small>}
    </span>
  );
}
