import { useState } from 'preact/hooks';
import { ROUTES, type FleetDevice, type FleetScreenshot } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { api } from '../../lib/api';
import { kindLabel } from '../../lib/devices';
import { formatAgo, formatCount, formatDateTime } from '../../lib/format';
import { can } from '../../lib/roles';
import { routeTitle } from '../../lib/route-title';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/**
 * The fleet: every kiosk and screen as it last reported itself (version, what it plays, its
 * cache, uptime, errors), an alert for devices silent too long, and remote screenshots.
 * Refreshes every 15 seconds.
 */
export default function FleetPage() {
  const { t } = useT();
  const { user } = useAuth();
  const fleet = useApi(ROUTES.fleet.list, { refreshMs: 15_000 });
  const [shot, setShot] = useState<FleetScreenshot | null>(null);
  const capture = useAction((id: string) => api.call(ROUTES.fleet.requestScreenshot, { params: { id } }));
  const latest = useAction((id: string) => api.call(ROUTES.fleet.screenshot, { params: { id } }));
  const mayCapture = can(user?.role, 'content.edit');

  async function onCapture(id: string) {
    setShot(null);
    const s = await capture.run(id);
    if (s) {
      setShot(s);
      fleet.reload();
    }
  }
  async function onShowLatest(id: string) {
    setShot(null);
    const s = await latest.run(id);
    if (s) setShot(s);
  }

  return (
    <>
      <PageHeader title={routeTitle({ id: 'fleet', title: 'Fleet' }, t)} description={t('fleet.description')} />
      {fleet.data && fleet.data.alerts.length > 0 && (
        <div class={style.alert} role="alert" data-testid="fleet-alert">
          <strong>{t('fleet.silentTitle', { count: fleet.data.alerts.length, n: fleet.data.alerts.length, minutes: fleet.data.silentAfterMinutes })}</strong>
          <ul>
            {fleet.data.alerts.map((a) => (
              <li key={a.deviceId}>
                {a.name} ({a.zoneId}) — {a.lastSeenAt ? t('fleet.lastSeen', { ago: formatAgo(a.lastSeenAt) }) : t('fleet.neverSeen')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {capture.error && <ErrorNotice error={capture.error} />}
      {latest.error && <ErrorNotice error={latest.error} />}
      {shot && (
        <Panel title={t('fleet.screenshotOf', { name: fleet.data?.devices.find((d) => d.id === shot.deviceId)?.name ?? shot.deviceId, at: formatDateTime(shot.takenAt) })}>
          <img class={style.shot} src={shot.image} alt={t('fleet.screenshotAlt')} data-testid="fleet-screenshot" />
        </Panel>
      )}
      <Panel title={t('fleet.devices')} flush>
        <QueryView query={fleet} what={t('fleet.what')}>
          {(view) =>
            view.devices.length === 0 ? (
              <EmptyState title={t('fleet.empty')} />
            ) : (
              <table class="table" data-testid="fleet-table">
                <thead>
                  <tr>
                    <th scope="col">{t('fleet.device')}</th>
                    <th scope="col">{t('fleet.state')}</th>
                    <th scope="col">{t('fleet.version')}</th>
                    <th scope="col">{t('fleet.playing')}</th>
                    <th scope="col">{t('fleet.cache')}</th>
                    <th scope="col" class="num">{t('fleet.uptime')}</th>
                    <th scope="col" class="num">{t('fleet.errors')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('fleet.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.devices.filter((d) => d.status === 'active').map((d) => (
                    <Row key={d.id} d={d} mayCapture={mayCapture} busy={capture.pending} onCapture={onCapture} onShowLatest={onShowLatest} />
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}

function Row({ d, mayCapture, busy, onCapture, onShowLatest }: { d: FleetDevice; mayCapture: boolean; busy: boolean; onCapture: (id: string) => void; onShowLatest: (id: string) => void }) {
  const { t } = useT();
  const state = d.connected ? t('fleet.online') : d.silent ? t('fleet.silent') : t('fleet.offline');
  return (
    <tr data-testid="fleet-row" data-device-id={d.id} data-silent={String(d.silent)} class={d.silent ? style.silentRow : undefined}>
      <td>
        <strong>{d.name}</strong>
        <div class={style.muted}>{kindLabel(d.kind)} · {d.zoneId}</div>
      </td>
      <td>
        {state}
        <div class={style.muted}>{d.lastSeenAt ? formatAgo(d.lastSeenAt) : t('fleet.neverSeen')}</div>
      </td>
      <td>{d.appVersion ?? '—'}</td>
      <td>{d.currentItem ? `${d.currentItem.itemName || d.currentItem.itemId} (${d.currentItem.itemKind})` : '—'}</td>
      <td>{d.cache ? `${formatCount(d.cache.itemsCached)} / ${formatCount(d.cache.itemsTotal)} · ${(d.cache.bytes / 1_000_000).toFixed(1)} MB` : '—'}</td>
      <td class="num">{d.uptimeMs === null ? '—' : `${(d.uptimeMs / 3_600_000).toFixed(1)} h`}</td>
      <td class="num">{d.errorCount === null ? '—' : formatCount(d.errorCount)}</td>
      <td>
        <div class={style.actions}>
        {mayCapture && (
          <button type="button" class="btn btn-small" disabled={busy || !d.connected} onClick={() => onCapture(d.id)} data-testid="fleet-capture">
            {t('fleet.capture')}
          </button>
        )}
        {d.screenshotAt && (
          <button type="button" class="btn btn-small" onClick={() => onShowLatest(d.id)} data-testid="fleet-show-latest">
            {t('fleet.showLatest')}
          </button>
        )}
        </div>
      </td>
    </tr>
  );
}
