import { useState } from 'preact/hooks';
import type { ErrorCode } from '@vitrina/contracts';
import { sharedT, type Language } from '@vitrina/contracts/locale';
import { normalizeToken } from '../device-token';
import buttons from '../buttons.module.css';
import styles from './style.module.css';

/** Why the server refused the device, as a key of the shared catalogue's `device` words. */
const REASONS: Partial<Record<ErrorCode, 'revoked' | 'unknown' | 'noPairing' | 'unauthorized'>> = {
  VITRINA_ERR_DEVICE_REVOKED: 'revoked',
  VITRINA_ERR_DEVICE_UNKNOWN: 'unknown',
  VITRINA_ERR_NOT_PAIRED: 'noPairing',
  VITRINA_ERR_UNAUTHORIZED: 'unauthorized',
};

interface Props {
  /** Which device, for the wording. */
  what: 'kiosk' | 'screen';
  /** The store's language (the app's useT().language). */
  language: Language;
  refusal: ErrorCode | null;
  onPair: (token: string) => void;
}

/** Shown to staff when the device has no usable pairing token. */
export function NotPaired({ what, language, refusal, onPair }: Props) {
  const t = sharedT(language);
  const reason = refusal ? REASONS[refusal] : undefined;
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
        <p class={styles.eyebrow}>{t('device.staffSetup')}</p>
        <h1>{t('device.notPaired', { context: what })}</h1>
        <p class={styles.lead}>
          {refusal ? (reason ? t(`device.${reason}`) : t('device.refused')) : t('device.noToken')} {t('device.howTo', { context: what })}
        </p>
        <form class={styles.form} onSubmit={submit}>
          <label for="pairing-token">{t('device.tokenLabel')}</label>
          <input
            id="pairing-token"
            data-testid="pairing-token-input"
            value={value}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={invalid}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          {invalid && <p class={styles.invalid}>{t('device.tokenInvalid')}</p>}
          <button class={buttons.primary} type="submit" data-testid="pairing-submit">
            {t('device.pair', { context: what })}
          </button>
        </form>
      </div>
    </main>
  );
}
