import { useState } from 'preact/hooks';
import type { ErrorCode } from '@vitrina/contracts';
import { normalizeToken } from '../device-token';
import buttons from '../buttons.module.css';
import styles from './style.module.css';

const REASONS: Partial<Record<ErrorCode, string>> = {
  VITRINA_ERR_DEVICE_REVOKED: 'Its pairing was revoked in the store console.',
  VITRINA_ERR_DEVICE_UNKNOWN: 'The store server does not recognise its pairing token.',
  VITRINA_ERR_NOT_PAIRED: 'The store server has no pairing for it.',
  VITRINA_ERR_UNAUTHORIZED: 'The store server did not accept its pairing token.',
};

interface Props {
  /** "kiosk" or "screen", for the wording. */
  what: string;
  refusal: ErrorCode | null;
  onPair: (token: string) => void;
}

/** Shown to staff when the device has no usable pairing token. */
export function NotPaired({ what, refusal, onPair }: Props) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const token = normalizeToken(value);
    setInvalid(token === null);
    if (token) onPair(token);
  };
  return (
    <main class={styles.page} data-testid="not-paired" data-refusal={refusal ?? ''}>
      <div class={styles.panel}>
        <p class={styles.eyebrow}>Staff setup</p>
        <h1>This {what} is not paired</h1>
        <p class={styles.lead}>
          {refusal ? REASONS[refusal] ?? 'The store server refused it.' : 'It has no pairing token yet.'} Create a
          pairing in the store console (Devices → Pair), then open the link it gives you on this {what}, or paste the
          token here.
        </p>
        <form class={styles.form} onSubmit={submit}>
          <label for="pairing-token">Pairing token</label>
          <input
            id="pairing-token"
            data-testid="pairing-token-input"
            value={value}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={invalid}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          {invalid && <p class={styles.invalid}>That doesn’t look like a pairing token (8–256 characters, no spaces).</p>}
          <button class={buttons.primary} type="submit" data-testid="pairing-submit">
            Pair this {what}
          </button>
        </form>
      </div>
    </main>
  );
}
