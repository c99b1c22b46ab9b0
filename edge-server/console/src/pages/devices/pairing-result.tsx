import type { PairDeviceResponse } from '@vitrina/contracts';
import { CopyButton } from '../../components/copy-button';
import { kindLabel, pairingUrl } from '../../lib/devices';
import { useT } from '../../lib/use-t';
import style from './style.module.css';

interface Props {
  result: PairDeviceResponse;
  zoneName: string | undefined;
  onDone: () => void;
}

/** The pairing token, shown exactly once: the server keeps only its hash. */
export function PairingResult({ result, zoneName, onDone }: Props) {
  const { t } = useT();
  const url = pairingUrl(location.origin, result.device.kind, result.token);
  return (
    <section class={style.result} data-testid="pairing-result" aria-labelledby="pairing-title">
      <h2 id="pairing-title">
        {zoneName
          ? t('devices.pairedTitleZone', { kind: kindLabel(result.device.kind), name: result.device.name, zone: zoneName })
          : t('devices.pairedTitle', { kind: kindLabel(result.device.kind), name: result.device.name })}
      </h2>
      <p>
        {t('devices.openOnce')} <strong>{t('devices.shownOnce')}</strong> {t('devices.noCopy')}
      </p>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>{t('devices.deviceLink')}</span>
        <code class={style.token} data-testid="pairing-url">
          {url}
        </code>
        <CopyButton text={url} label={t('devices.copyLink')} testId="copy-pairing-url" />
      </div>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>{t('devices.token')}</span>
        <code class={style.token} data-testid="pairing-token">
          {result.token}
        </code>
        <CopyButton text={result.token} label={t('devices.copyToken')} testId="copy-pairing-token" />
      </div>
      <button type="button" class="btn" onClick={onDone} data-testid="pairing-done">
        {t('devices.done')}
      </button>
    </section>
  );
}
