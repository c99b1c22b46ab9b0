import type { FriendlyMessage } from '../../lib/error-messages';
import styles from './style.module.css';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  placeholder: string;
  /** The on-screen keyboard is typing into this field. */
  open: boolean;
  error: FriendlyMessage | null;
  onOpen(): void;
}

/**
 * An optional field typed on the kiosk's own keyboard (e-mail, a friend's code): a button that
 * shows the value and, when tapped, points the keyboard at itself. No system keyboard in kiosk mode.
 */
export function TypedField({ id, label, hint, value, placeholder, open, error, onOpen }: Props) {
  return (
    <div class={styles.field} data-testid={`enroll-${id}-field`}>
      <span id={`enroll-${id}-label`}>{label}</span>
      <button
        type="button"
        class={`${styles.phoneValue} ${open ? styles.phoneOpen : ''} ${error ? styles.phoneBad : ''}`}
        data-testid={`enroll-${id}`}
        aria-labelledby={`enroll-${id}-label`}
        aria-expanded={open}
        aria-invalid={error ? true : undefined}
        onClick={onOpen}
      >
        {value || <span class={styles.placeholder}>{placeholder}</span>}
      </button>
      {error ? (
        <small class={styles.error} role="alert" data-testid={`enroll-${id}-error`}>
          <strong>{error.title}.</strong> {error.hint}
        </small>
      ) : (
        <small>{hint}</small>
      )}
    </div>
  );
}
