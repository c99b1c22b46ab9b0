import type { PairDeviceResponse } from '@vitrina/contracts';
import { CopyButton } from '../../components/copy-button';
import { pairingUrl, KIND_LABELS } from '../../lib/devices';
import style from './style.module.css';

interface Props {
  result: PairDeviceResponse;
  zoneName: string | undefined;
  onDone: () => void;
}

/** The pairing token, shown exactly once: the server keeps only its hash. */
export function PairingResult({ result, zoneName, onDone }: Props) {
  const url = pairingUrl(location.origin, result.device.kind, result.token);
  return (
    <section class={style.result} data-testid="pairing-result" aria-labelledby="pairing-title">
      <h2 id="pairing-title">
        {KIND_LABELS[result.device.kind]} “{result.device.name}” paired{zoneName ? ` in ${zoneName}` : ''}
      </h2>
      <p>
        Open this link once on the device. <strong>It is shown only now</strong> — the server keeps no readable copy. If it is lost, revoke the
        device and pair it again.
      </p>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>Device link</span>
        <code class={style.token} data-testid="pairing-url">
          {url}
        </code>
        <CopyButton text={url} label="Copy link" testId="copy-pairing-url" />
      </div>
      <div class={style.tokenRow}>
        <span class={style.tokenLabel}>Token</span>
        <code class={style.token} data-testid="pairing-token">
          {result.token}
        </code>
        <CopyButton text={result.token} label="Copy token" testId="copy-pairing-token" />
      </div>
      <button type="button" class="btn" onClick={onDone} data-testid="pairing-done">
        Done — I have saved it
      </button>
    </section>
  );
}
