import { useMemo, useState } from 'preact/hooks';
import { ROUTES, type PairDeviceResponse } from '@vitrina/contracts';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { EmptyState, ErrorNotice, QueryView } from '../../components/query-view';
import { StatusChip } from '../../components/status-chip';
import { ConfirmButton } from '../../components/confirm-button';
import { api } from '../../lib/api';
import { useAction, useApi } from '../../lib/use-api';
import { useAuth } from '../../lib/use-auth';
import { can } from '../../lib/roles';
import { devicePresence, kindLabel, sortDevices } from '../../lib/devices';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { formatDateTime } from '../../lib/format';
import { AddZoneForm } from './add-zone-form';
import { PairDeviceForm } from './pair-device-form';
import { PairingResult } from './pairing-result';
import style from './style.module.css';

/** Kiosks and screens: presence, pairing (admin) and revocation (admin). Polls every 10 s. */
export default function DevicesPage() {
  const { t } = useT();
  const { user } = useAuth();
  const devices = useApi(ROUTES.devices.list, { refreshMs: 10_000 });
  const zones = useApi(ROUTES.devices.zones);
  const [paired, setPaired] = useState<PairDeviceResponse | null>(null);
  const revoke = useAction((id: string) => api.call(ROUTES.devices.revoke, { params: { id } }));
  const mayPair = can(user?.role, 'devices.pair');
  const mayRevoke = can(user?.role, 'devices.revoke');
  const zoneName = useMemo(() => new Map((zones.data ?? []).map((z) => [z.id, z.name])), [zones.data]);

  async function onRevoke(id: string) {
    if (await revoke.run(id)) devices.reload();
  }

  return (
    <>
      <PageHeader title={routeTitle({ id: 'devices', title: 'Devices' }, t)} description={t('devices.description')} />
      {paired && <PairingResult result={paired} zoneName={zoneName.get(paired.device.zoneId)} onDone={() => setPaired(null)} />}
      {mayPair && !paired && zones.data && <AddZoneForm hasZones={zones.data.length > 0} onAdded={() => zones.reload()} />}
      {mayPair && !paired && (
        <PairDeviceForm
          zones={zones.data ?? []}
          onPaired={(r) => {
            setPaired(r);
            devices.reload();
          }}
        />
      )}
      {revoke.error && <ErrorNotice error={revoke.error} />}
      <Panel title={t('devices.paired')} flush>
        <QueryView query={devices} what={t('devices.what')}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('devices.emptyTitle')}>{mayPair ? t('devices.emptyAdmin') : t('devices.emptyStaff')}</EmptyState>
            ) : (
              <table class="table" data-testid="devices-table">
                <thead>
                  <tr>
                    <th scope="col">{t('devices.name')}</th>
                    <th scope="col">{t('devices.kind')}</th>
                    <th scope="col">{t('devices.zone')}</th>
                    <th scope="col">{t('devices.status')}</th>
                    <th scope="col">{t('devices.lastSeen')}</th>
                    <th scope="col">{t('devices.deviceId')}</th>
                    {mayRevoke && (
                      <th scope="col">
                        <span class="visually-hidden">{t('devices.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {sortDevices(list).map((d) => {
                    const p = devicePresence(d);
                    return (
                      <tr key={d.id} data-testid="device-row" data-device-id={d.id} data-status={d.status} data-connected={String(d.connected)} class={d.status === 'revoked' ? style.revoked : undefined}>
                        <td class={style.name}>{d.name}</td>
                        <td>{kindLabel(d.kind)}</td>
                        <td>{zoneName.get(d.zoneId) ?? d.zoneId}</td>
                        <td>
                          <StatusChip tone={p.tone} testId="device-status">
                            {p.label}
                          </StatusChip>
                        </td>
                        <td class="muted">{d.connected ? t('devices.now') : formatDateTime(d.lastSeenAt)}</td>
                        <td>
                          <code class={style.id}>{d.id}</code>
                        </td>
                        {mayRevoke && (
                          <td class="num">
                            {d.status === 'active' ? (
                              <ConfirmButton
                                label={t('devices.revoke')}
                                confirmLabel={t('devices.revokeNow')}
                                ariaLabel={t('devices.revokeLabel', { name: d.name })}
                                disabled={revoke.pending}
                                onConfirm={() => void onRevoke(d.id)}
                                testId="revoke-button"
                              />
                            ) : (
                              <span class="muted">—</span>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}
