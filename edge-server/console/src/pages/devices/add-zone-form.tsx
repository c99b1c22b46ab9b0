import { useState } from 'preact/hooks';
import { ROUTES, type CreateZoneRequest, type Zone } from '@vitrina/contracts';
import { Panel } from '../../components/panel';
import { api } from '../../lib/api';
import { describeError } from '../../lib/api-error';
import { useAction } from '../../lib/use-api';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

/** A store that started empty has no zones: kiosks and screens are paired into one, so an admin names them first. */
export function AddZoneForm({ hasZones, onAdded }: { hasZones: boolean; onAdded: (zone: Zone) => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const add = useAction((body: CreateZoneRequest) => api.call(ROUTES.devices.createZone, { body }));

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) return;
    const zone = await add.run({ name: name.trim() });
    if (zone) {
      setName('');
      onAdded(zone);
    }
  }

  return (
    <Panel title={t('devices.zoneAddTitle')}>
      {!hasZones && <p data-testid="zone-none">{t('devices.zoneNone')}</p>}
      <form class={style.pairForm} onSubmit={submit} data-testid="add-zone-form" noValidate>
        <label class="field">
          <span>{t('devices.zoneName')}</span>
          <input class="input" value={name} maxLength={80} placeholder={t('devices.zoneNamePlaceholder')} onInput={(e) => setName(e.currentTarget.value)} data-testid="zone-name" />
        </label>
        <button type="submit" class="btn" disabled={add.pending || !name.trim()} data-testid="zone-submit">
          {t('devices.zoneAdd')}
        </button>
      </form>
      {add.error && (
        <p class={style.formError} role="alert" data-testid="zone-error">
          {describeError(add.error)}
        </p>
      )}
    </Panel>
  );
}
