import { buttons } from '@vitrina/contracts/client';
import type { FriendlyMessage } from '../../lib/error-messages';
import { maskDigits } from '../../lib/format';
import { useT } from '../../lib/use-t';
import styles from './style.module.css';

/** Longest phone number the server takes (7–15 digits). */
export const PHONE_MAX = 15;

interface Props {
  phone: string;
  /** The digit pad is showing for this field (instead of the letter keyboard). */
  open: boolean;
  /** What the server said about the number, worded for the shopper; null when nothing is wrong. */
  error: FriendlyMessage | null;
  onOpen(): void;
  /** Empties the field and goes back to the name: one tap for "I don't want to give a phone". */
  onSkip(): void;
}

/**
 * The optional phone number of a shopper joining with a card: tapping it opens the kiosk's digit
 * pad. Digits only, like the keypad screen the shopper will type it on next time; masked like
 * there, but for the last four digits.
 */
export function PhoneField({ phone, open, error, onOpen, onSkip }: Props) {
  const { t } = useT();
  return (
    <div class={styles.field} data-testid="enroll-phone-field">
      <span id="enroll-phone-label">{t('enroll.phone')}</span>
      <button
        type="button"
        class={`${styles.phoneValue} ${open ? styles.phoneOpen : ''} ${error ? styles.phoneBad : ''}`}
        data-testid="enroll-phone"
        aria-labelledby="enroll-phone-label"
        aria-expanded={open}
        aria-invalid={error ? true : undefined}
        onClick={onOpen}
      >
        {phone ? maskDigits(phone) : <span class={styles.placeholder}>{t('enroll.phoneAdd')}</span>}
      </button>
      {error ? (
        <small class={styles.error} role="alert" data-testid="enroll-phone-error">
          <strong>{error.title}.</strong> {error.hint}
        </small>
      ) : (
        <small>{t('enroll.phoneHint')}</small>
      )}
      {open && (
        <button type="button" class={`${buttons.ghost} ${styles.skip}`} data-testid="enroll-phone-skip" onClick={onSkip}>
          {t('enroll.phoneSkip')}
        </button>
      )}
    </div>
  );
}
