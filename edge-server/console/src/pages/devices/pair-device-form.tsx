import { useEffect, useState } from 'preact/hooks';
import { ROUTES, type DeviceKind, type PairDeviceRequest, type PairDeviceResponse, type Zone } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { useAction } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface Props {
  zones: Zone[];
  onPaired: (result: PairDeviceResponse) => void;
}

/** Pairs a new kiosk or screen in a zone; the server answers with its one-time token. */
export function PairDeviceForm({ zones, onPaired }: Props) {
  const { t } = useT();
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const [name, setName] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const pair = useAction((body: PairDeviceRequest) => api.call(ROUTES.devices.pair, { body }));

  useEffect(() => {
    if (!zoneId && zones[0]) setZoneId(zones[0].id);
  }, [zones, zoneId]);

  async function submit(e: Event) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('devices.nameRequired'));
      return;
    }
    setNameError(null);
    const result = await pair.run({ kind, name: trimmed, zoneId });
    if (result) {
      setName('');
      onPaired(result);
    }
  }

  return (
    <Panel title={t('devices.pairTitle')}>
      <form class={style.pairForm} onSubmit={submit} data-testid="pair-device-form" noValidate>
        <label class="field">
          <span>{t('devices.kind')}</span>
          <select class="select" value={kind} onChange={(e) => setKind(e.currentTarget.value as DeviceKind)} data-testid="pair-kind">
            <option value="kiosk">{t('devices.kindKiosk')}</option>
            <option value="screen">{t('devices.kindScreen')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('devices.name')}</span>
          <input
            class="input"
            value={name}
            maxLength={80}
            placeholder={t('devices.namePlaceholder')}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? 'pair-name-error' : undefined}
            data-testid="pair-name"
          />
        </label>
        <label class="field">
          <span>{t('devices.zone')}</span>
          <select class="select" value={zoneId} onChange={(e) => setZoneId(e.currentTarget.value)} data-testid="pair-zone" disabled={zones.length === 0}>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="btn btn-primary" disabled={pair.pending || !zoneId} data-testid="pair-submit">
          {pair.pending ? t('devices.pairing') : t('devices.pairDevice')}
        </button>
      </form>
      {nameError && (
        <p id="pair-name-error" class={style.formError} role="alert">
          {nameError}
        </p>
      )}
      {pair.error && (
        <p class={style.formError} role="alert" data-testid="pair-error">
          {describeError(pair.error)}
        </p>
      )}
    </Panel>
  );
}
