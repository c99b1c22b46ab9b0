import { ROUTES } from '@vitrina/contracts';
import { HealthPanel } from '../../components/health-panel';
import { KpiCard, KpiGrid } from '../../components/kpi-card';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { devicePresence, kindLabel, sortDevices } from '../../lib/devices';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { formatCount } from '../../lib/format';
import { hrefFor } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { onLinkClick } from '../../lib/use-location';
import { can } from '../../lib/roles';
import { ProgramSummary } from './program-summary';
import { PerformancePanel } from './performance-panel';
import style from './style.module.css';


/** The first screen after sign-in: is the store running, and how is the program doing. */
export default function OverviewPage() {
  const { t } = useT();
  const { user } = useAuth();
  const health = useApi(ROUTES.system.health, { refreshMs: 15_000 });
  const devices = useApi(ROUTES.devices.list, { refreshMs: 15_000 });
  const base = import.meta.env.BASE_URL;

  return (
    <>
      <PageHeader title={routeTitle({ id: 'overview', title: 'Overview' }, t)} description={t('overview.description', { user: user?.username })} />
      <QueryView query={health} what={t('overview.whatHealth')}>
        {(h) => <HealthPanel health={h} />}
      </QueryView>
      <QueryView query={devices} what={t('overview.whatDevices')}>
        {(list) => {
          const active = list.filter((d) => d.status === 'active');
          const offline = sortDevices(active).filter((d) => !d.connected);
          return (
            <>
              <KpiGrid>
                <KpiCard name="devices-online" label={t('overview.devicesOnline')} value={`${formatCount(active.filter((d) => d.connected).length)} / ${formatCount(active.length)}`} />
                <KpiCard name="kiosks" label={t('overview.kiosks')} value={formatCount(active.filter((d) => d.kind === 'kiosk').length)} />
                <KpiCard name="screens" label={t('overview.screens')} value={formatCount(active.filter((d) => d.kind === 'screen').length)} />
              </KpiGrid>
              {offline.length > 0 && (
                <Panel
                  title={t('overview.offlineDevices')}
                  actions={
                    <a class="btn btn-small" href={hrefFor(base, 'devices')} onClick={onLinkClick}>
                      {t('overview.allDevices')}
                    </a>
                  }
                >
                  <ul class={style.offline}>
                    {offline.slice(0, 8).map((d) => {
                      const p = devicePresence(d);
                      return (
                        <li key={d.id}>
                          <span class={style.devName}>{d.name}</span>
                          <span class="muted">
                            {kindLabel(d.kind)} · {d.zoneId}
                          </span>
                          <StatusChip tone={p.tone}>{p.label}</StatusChip>
                        </li>
                      );
                    })}
                  </ul>
                </Panel>
              )}
            </>
          );
        }}
      </QueryView>
      {can(user?.role, 'analytics.view') && <ProgramSummary base={base} />}
      <PerformancePanel />
    </>
  );
}
