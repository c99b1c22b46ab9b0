import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../lib/use-t';

interface Props {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
  /** The confirm button's test id; defaults to `<testId>-confirm`. */
  confirmTestId?: string;
  /** Accessible name that says what the action applies to ("Revoke Kiosk 1"). */
  ariaLabel?: string;
}

/**
 * A destructive action in two steps, inline: the first click arms it, the second confirms.
 * Unlike window.confirm() it keeps focus in the page and is easy to drive in tests.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm, disabled, testId, confirmTestId, ariaLabel }: Props) {
  const { t } = useT();
  const [armed, setArmed] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) confirmRef.current?.focus();
  }, [armed]);

  if (!armed) {
    return (
      <button type="button" class="btn btn-small btn-danger" disabled={disabled} onClick={() => setArmed(true)} data-testid={testId} aria-label={ariaLabel}>
        {label}
      </button>
    );
  }
  return (
    <span style={{ display: 'inline-flex', gap: '6px' }}>
      <button
        ref={confirmRef}
        type="button"
        class="btn btn-small btn-danger-solid"
        onClick={() => {
          setArmed(false);
          onConfirm();
        }}
        data-testid={confirmTestId ?? (testId ? `${testId.replace(/-button$/, '')}-confirm` : undefined)}
      >
        {confirmLabel}
      </button>
      <button type="button" class="btn btn-small" onClick={() => setArmed(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
